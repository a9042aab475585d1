package org.pmpledger.system;

import java.util.Map;

import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * The Spring properties each service's jar runs with in the system tests: the command service on its event store as
 * the least-privileged role (migrating as the database's owner), the query service on the database its role owns, both
 * on one topic of one broker and trusting the tests' signing key.
 */
final class ServiceProperties {

    private ServiceProperties() {}

    static Map<String, String> command(
            TestPostgres.Database eventStore, String bootstrapServers, String topic, TestTokens tokens) {
        return Map.of(
                "spring.datasource.url",
                eventStore.jdbcUrl(),
                "spring.datasource.username",
                TestPostgres.COMMAND_APP,
                "spring.datasource.password",
                TestPostgres.COMMAND_APP,
                "spring.flyway.user",
                eventStore.user(),
                "spring.flyway.password",
                eventStore.password(),
                "spring.kafka.bootstrap-servers",
                bootstrapServers,
                "pmp.publication.topic",
                topic,
                "pmp.security.local-key-dir",
                tokens.keyDirectory().toString());
    }

    static Map<String, String> query(
            TestPostgres.Database projections, String bootstrapServers, String topic, String group, TestTokens tokens) {
        return Map.of(
                "spring.datasource.url", projections.jdbcUrl(),
                "spring.datasource.username", projections.user(),
                "spring.datasource.password", projections.password(),
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "spring.kafka.consumer.group-id", group,
                "pmp.intake.topic", topic,
                "pmp.security.local-key-dir", tokens.keyDirectory().toString());
    }
}

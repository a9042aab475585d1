package org.pmpledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** A broker that does not answer shows as UNREACHABLE, with since when, and nothing is asked on the probe's path. */
class BrokerHealthTest {

    @Test
    void beforeTheFirstAnswerTheBrokerIsUnknown() throws Exception {
        try (BrokerHealthClosing broker = new BrokerHealthClosing("127.0.0.1:1")) {
            assertThat(broker.health.health().getStatus()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Test
    void withoutAKafkaConfigurationTheBrokerStaysUnknown() {
        BrokerHealth health = new BrokerHealth(() -> null);

        health.ask();

        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
        health.destroy();
    }

    @Test
    void aBrokerThatDoesNotAnswerIsUnreachableSinceTheFirstFailedAsk() throws Exception {
        try (BrokerHealthClosing broker = new BrokerHealthClosing("127.0.0.1:1")) {
            broker.health.ask();
            String since = broker.health.health().getDetails().get("since").toString();
            broker.health.ask();

            Health health = broker.health.health();
            assertThat(health.getStatus()).isEqualTo(BrokerHealth.UNREACHABLE);
            assertThat(health.getDetails()).containsEntry("since", since).containsKey("reason");
        }
    }

    /** The health with its client closed after the test. */
    private static final class BrokerHealthClosing implements AutoCloseable {
        final BrokerHealth health;

        BrokerHealthClosing(String bootstrap) {
            KafkaAdmin kafka = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
            health = new BrokerHealth(() -> kafka);
        }

        @Override
        public void close() {
            health.destroy();
        }
    }
}

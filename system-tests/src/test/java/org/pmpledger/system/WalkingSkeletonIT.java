package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The whole path across both services as shipped: an HTTP command to command-service, the event in
 * its PostgreSQL event store, published to a real Kafka broker, folded by query-service into its own
 * PostgreSQL database, and read back over HTTP.
 */
class WalkingSkeletonIT {

    static final TestTokens TOKENS = TestTokens.inNewKeyDirectory();
    static final int FFY = 2022;
    static RunningService commandService;
    static RunningService queryService;
    static ApiClient commands;
    static ApiClient queries;

    @BeforeAll
    static void startBothServices() {
        String topic = "pmp.plan-events.sys-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database eventStore = TestPostgres.newDatabase("pmp_command_sys");
        TestPostgres.Database projections = TestPostgres.newDatabase("pmp_query_sys");
        String keys = TOKENS.keyDirectory().toString();
        commandService = RunningService.start("command-service", Map.of(
                "spring.datasource.url", eventStore.jdbcUrl(),
                "spring.datasource.username", eventStore.user(),
                "spring.datasource.password", eventStore.password(),
                "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "pmp.publication.topic", topic,
                "pmp.security.local-key-dir", keys));
        queryService = RunningService.start("query-service", Map.of(
                "spring.datasource.url", projections.jdbcUrl(),
                "spring.datasource.username", projections.user(),
                "spring.datasource.password", projections.password(),
                "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "spring.kafka.consumer.group-id", "sys-" + topic,
                "pmp.intake.topic", topic,
                "pmp.security.local-key-dir", keys));
        commands = new ApiClient(commandService.baseUrl());
        queries = new ApiClient(queryService.baseUrl());
        Answer opened = commands.post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        assertThat(opened.status()).isEqualTo(201);
        // the pipeline is live (the publisher's producer made, the query side's consumer given its partitions) before
        // the tests time it: a cold start on a loaded 2-core machine took longer than their 2 s
        long position = opened.body().get("position").asLong();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(queries.get(
                "/api/v1/cycles/" + FFY + "/indicators/SPM-2/comparison?minPosition=" + position, TOKENS.analyst()).status())
                .isEqualTo(200));
    }

    @AfterAll
    static void stopBothServices() throws InterruptedException {
        if (queryService != null) {
            queryService.close();
        }
        if (commandService != null) {
            commandService.close();
        }
    }

    @Test
    void submittedPlanIsReadFromTheQueryServiceWithinTwoSecondsOfTheSubmit() {
        String editor = TOKENS.lcsaEditor("SACRAMENTO");
        String planId = draftPlan(editor, "SACRAMENTO");
        Answer submitted = commands.post("/api/v1/plans/" + planId + "/submission", editor, null);
        assertThat(submitted.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            Answer read = queries.get("/api/v1/plans/" + planId, editor);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(read.body().get("version").asLong()).isEqualTo(3);
            assertThat(read.body().get("position").asLong()).isEqualTo(submitted.body().get("position").asLong());
        });
    }

    @Test
    void readWithTheCommandsVersionWaitsForTheProjectionInsteadOfAnsweringStale() {
        String editor = TOKENS.lcsaEditor("KERN");
        String planId = draftPlan(editor, "KERN");
        long version = commands.post("/api/v1/plans/" + planId + "/submission", editor, null).body().get("version").asLong();

        Answer read = queries.get("/api/v1/plans/" + planId + "?minVersion=" + version, editor);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(read.header("ETag")).isEqualTo("\"" + version + "\"");
    }

    @Test
    void statewideReadWithTheCommandsPositionShowsItsEffectWithoutPolling() {
        String editor = TOKENS.lcsaEditor("MARIN");
        String planId = draftPlan(editor, "MARIN");
        commands.post("/api/v1/plans/" + planId + "/submission", editor, null);
        String entryId = queries.get("/api/v1/plans/" + planId + "?minVersion=3", editor).body().get("entries").get(0)
                .get("entryId").asString();
        Answer recorded = commands.send("PUT", "/api/v1/plans/" + planId + "/entries/" + entryId + "/progress/Q1", editor,
                Map.of("value", 62.25, "narrative", "First quarter"), Map.of());
        assertThat(recorded.status()).as(recorded.response().body()).isEqualTo(200);

        Answer comparison = queries.get("/api/v1/cycles/" + FFY + "/indicators/SPM-2/comparison?minPosition="
                + recorded.body().get("position").asLong(), TOKENS.analyst());

        assertThat(comparison.status()).isEqualTo(200);
        assertThat(comparison.body().get("reflects").get("position").asLong()).isGreaterThanOrEqualTo(recorded.body().get("position").asLong());
        JsonNode marin = null;
        for (JsonNode row : comparison.body().get("agencies")) {
            if (row.get("lcsa").asString().equals("MARIN")) {
                marin = row;
            }
        }
        assertThat(marin).isNotNull();
        assertThat(marin.get("q1").get("value").asDouble()).isEqualTo(62.25);
        assertThat(marin.get("latest").asDouble()).isEqualTo(62.25);
    }

    @Test
    void anotherAgencysEditorCannotReadThePlan() {
        String planId = draftPlan(TOKENS.lcsaEditor("FRESNO"), "FRESNO");

        Answer read = queries.get("/api/v1/plans/" + planId + "?minVersion=2", TOKENS.lcsaEditor("KINGS"));

        assertThat(read.status()).isEqualTo(403);
        assertThat(read.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bothServicesAnswer401WithoutAToken() {
        assertThat(commands.post("/api/v1/plans", null, Map.of("ffy", FFY, "lcsa", "ALAMEDA")).status()).isEqualTo(401);
        assertThat(queries.get("/api/v1/plans?ffy=" + FFY, null).status()).isEqualTo(401);
    }

    /** A drafted plan with the entry the cycle's submission rule asks for. */
    private static String draftPlan(String editor, String lcsa) {
        Answer drafted = commands.post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", lcsa));
        assertThat(drafted.status()).isEqualTo(201);
        String planId = drafted.body().get("id").asString();
        assertThat(commands.post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1()).status())
                .isEqualTo(201);
        return planId;
    }
}

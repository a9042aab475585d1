package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.TestTokens;

/**
 * The whole path across both services as shipped: an HTTP command to command-service, the event in
 * its PostgreSQL event store, published to a real Kafka broker, folded by query-service into its own
 * PostgreSQL database, and read back over HTTP.
 */
class WalkingSkeletonIT {

    static final TestTokens TOKENS = Stack.TOKENS;
    static final int FFY = Stack.FFY;
    static Stack stack;
    static ApiClient commands;
    static ApiClient queries;

    @BeforeAll
    static void bothServicesRunning() {
        stack = Stack.get();
        commands = stack.commands;
        queries = stack.queries;
    }

    @Test
    void submittedPlanIsReadFromTheQueryServiceWithinTwoSecondsOfTheSubmit() {
        String editor = TOKENS.lcsaEditor("SACRAMENTO");
        String planId = draftPlan(editor, "SACRAMENTO");
        Answer submitted = commands.post("/api/v1/plans/" + planId + "/submission", editor, null);
        assertThat(submitted.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    Answer read = queries.get("/api/v1/plans/" + planId, editor);
                    assertThat(read.status()).isEqualTo(200);
                    assertThat(read.body().get("status").asString()).isEqualTo("SUBMITTED");
                    assertThat(read.body().get("version").asLong()).isEqualTo(3);
                    assertThat(read.body().get("position").asLong())
                            .isEqualTo(submitted.body().get("position").asLong());
                });
    }

    @Test
    void readWithTheCommandsVersionWaitsForTheProjectionInsteadOfAnsweringStale() {
        String editor = TOKENS.lcsaEditor("KERN");
        String planId = draftPlan(editor, "KERN");
        long version = commands.post("/api/v1/plans/" + planId + "/submission", editor, null)
                .body()
                .get("version")
                .asLong();

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
        String entryId = queries.get("/api/v1/plans/" + planId + "?minVersion=3", editor)
                .body()
                .get("entries")
                .get(0)
                .get("entryId")
                .asString();
        Answer recorded = commands.send(
                "PUT",
                "/api/v1/plans/" + planId + "/entries/" + entryId + "/progress/Q1",
                editor,
                Map.of("value", 62.25, "narrative", "First quarter"),
                Map.of());
        assertThat(recorded.status()).as(recorded.response().body()).isEqualTo(200);

        Answer comparison = queries.get(
                "/api/v1/cycles/" + FFY + "/indicators/SPM-2/comparison?minPosition="
                        + recorded.body().get("position").asLong(),
                TOKENS.analyst());

        assertThat(comparison.status()).isEqualTo(200);
        assertThat(comparison.body().get("reflects").get("position").asLong())
                .isGreaterThanOrEqualTo(recorded.body().get("position").asLong());
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
        assertThat(commands.post("/api/v1/plans", null, Map.of("ffy", FFY, "lcsa", "ALAMEDA"))
                        .status())
                .isEqualTo(401);
        assertThat(queries.get("/api/v1/plans?ffy=" + FFY, null).status()).isEqualTo(401);
    }

    private static String draftPlan(String editor, String lcsa) {
        return stack.draftPlan(editor, lcsa);
    }
}

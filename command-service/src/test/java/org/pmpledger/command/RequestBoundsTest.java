package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * The bounds of README "Limits and refusals" as a client meets them: each a 4xx problem naming what to fix, before any
 * rule or store sees the request. (HostileInputIT sends the whole corpus to every endpoint; these name the cases.)
 */
class RequestBoundsTest extends CommandServiceTest {

    private static final int FFY = 2067;
    private static String plan;
    private static String entry;
    private final String editor = TOKENS.lcsaEditor("SOLANO");

    @BeforeEach
    void aSubmittedPlan() {
        if (plan != null) {
            return;
        }
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        plan = api().post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", "SOLANO"))
                .body()
                .get("id")
                .asString();
        entry = api().post("/api/v1/plans/" + plan + "/entries", editor, Ffy2022.entryForInitiative1())
                .body()
                .get("id")
                .asString();
    }

    private Answer progress(String body) {
        return api().send(
                        "PUT", "/api/v1/plans/" + plan + "/entries/" + entry + "/progress/Q1", editor, body, Map.of());
    }

    private static void refusedNaming(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void aNumberBeyondAnyTheApiTakesIsRefusedNamingTheFieldBeforeAnythingIsStored() {
        refusedNaming(progress("{\"value\": 1e200000, \"narrative\": \"n\"}"), 400, "value");
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedNamingIt() {
        Answer answer = progress("{\"vaule\": 5, \"narrative\": \"n\"}");

        refusedNaming(answer, 400, "vaule");
        assertThat(answer.body().get("errors").get(0).get("message").asString())
                .isEqualTo("is not a field of this request");
    }

    @Test
    void textWithAControlCharacterIsRefusedNamingTheField() {
        refusedNaming(progress("{\"value\": 5, \"narrative\": \"a\\u0000b\"}"), 400, "narrative");
    }

    @Test
    void aFractionForAWholeNumberIsRefused() {
        Answer answer = api().post(
                        "/api/v1/plans/" + plan + "/entries",
                        editor,
                        "{\"goal\": 1.5, \"objective\": 1, " + "\"measurement\": {\"title\": \"t\"}}");

        refusedNaming(answer, 400, "goal");
    }

    @Test
    void aBodyOverItsLimitIs413BeforeTheTokenIsRead() {
        Answer answer = api().post("/api/v1/plans", null, "{\"title\": \"" + "x".repeat(300_000) + "\"}");

        refusedNaming(answer, 413, "body");
    }

    @Test
    void anIdempotencyKeyOverItsLengthIsRefusedNamingTheHeader() {
        Answer answer = api().post(
                        "/api/v1/plans",
                        editor,
                        Map.of("ffy", FFY, "lcsa", "SOLANO"),
                        Map.of("Idempotency-Key", "k".repeat(101)));

        refusedNaming(answer, 400, "Idempotency-Key");
    }

    @Test
    void aCyclesIdWhereAPlansBelongsNamesNothing() {
        Answer answer = api().post("/api/v1/plans/cycle-" + FFY + "/submission", editor, null);

        refusedNaming(answer, 404, "planId");
    }

    @Test
    void anEncodedSlashInThePathIsAProblemNotAnHtmlPage() {
        Answer answer = api().post("/api/v1/plans/..%2F..%2Fetc/submission", editor, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenWithNoRoleOfTheApiReachesNoEndpoint() {
        Answer answer = api().post(
                        "/api/v1/plans",
                        TOKENS.token("nobody", List.of("VISITOR"), "SOLANO", null),
                        Map.of("ffy", FFY, "lcsa", "SOLANO"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/forbidden");
    }
}

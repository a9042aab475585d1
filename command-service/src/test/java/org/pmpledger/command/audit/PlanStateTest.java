package org.pmpledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * A plan as the system knew it at an instant or a version, and what changed between two: folded from the
 * event store by the command service. The plan: drafted (v1), entry (v2), submitted (v3), approved (v4), Q1
 * recorded (v5), Q1 corrected (v6).
 */
class PlanStateTest extends CommandServiceTest {

    private static final int FFY = 2084;
    private static final String LCSA = "PLUMAS";

    private final String auditor = TOKENS.token("state-auditor@dcss", List.of("AUDITOR"), null, null);

    private record CorrectedPlan(String planId, String entryId, Instant firstRecordedAt, Instant correctedAt) {}

    private static CorrectedPlan plan;

    private CorrectedPlan correctedPlan() {
        if (plan != null) {
            return plan;
        }
        String editor = TOKENS.lcsaEditor(LCSA);
        CLOCK.set("2083-08-20T17:00:00Z");
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        String planId = api().post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", LCSA))
                .body()
                .get("id")
                .asString();
        String entryId = api().post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1())
                .body()
                .get("id")
                .asString();
        assertThat(api().post("/api/v1/plans/" + planId + "/submission", editor, null)
                        .status())
                .isEqualTo(200);
        CLOCK.set("2083-09-20T17:00:00Z");
        String ra = TOKENS.token("ra-north@dcss", List.of("REGIONAL_ADMIN"), null, "Northern");
        assertThat(api().post(
                                "/api/v1/plans/" + planId + "/review",
                                ra,
                                Map.of("decision", "APPROVE", "comments", "Fine"))
                        .status())
                .isEqualTo(200);
        CLOCK.set("2084-01-20T17:00:00Z");
        String progress = "/api/v1/plans/" + planId + "/entries/" + entryId + "/progress/Q1";
        assertThat(api().send("PUT", progress, editor, Map.of("value", 61.8, "narrative", "Steady"), Map.of())
                        .status())
                .isEqualTo(200);
        CLOCK.set("2084-02-10T17:00:00Z");
        assertThat(api().send(
                                "PUT",
                                progress,
                                editor,
                                Map.of("value", 61.9, "narrative", "Refreshed", "reason", "CDR data refreshed"),
                                Map.of())
                        .status())
                .isEqualTo(200);
        JsonNode events = api().get("/api/v1/audit/plans/" + planId + "/events", auditor)
                .body()
                .get("events");
        plan = new CorrectedPlan(
                planId,
                entryId,
                Instant.parse(events.get(4).get("recordedAt").asString()),
                Instant.parse(events.get(5).get("recordedAt").asString()));
        return plan;
    }

    private Answer state(String query) {
        return api().get("/api/v1/audit/plans/" + correctedPlan().planId() + "/state?" + query, auditor);
    }

    private static JsonNode q1(Answer answer) {
        return answer.body().get("entries").get(0).get("quarterlyUpdates").get(0);
    }

    @Test
    void asOfJustBeforeTheCorrectionShowsTheFirstValue() {
        CorrectedPlan plan = correctedPlan();
        assertThat(plan.firstRecordedAt()).isBefore(plan.correctedAt());

        Answer before = state("asOf=" + plan.correctedAt().minusNanos(1));

        assertThat(before.status()).isEqualTo(200);
        assertThat(q1(before).get("value").decimalValue()).isEqualByComparingTo("61.8");
        assertThat(q1(before).get("corrections").asInt()).isZero();
        assertThat(before.body().get("version").asLong()).isEqualTo(5);
        assertThat(before.response().headers().firstValue("ETag")).contains("\"5\"");
    }

    @Test
    void asOfTheCorrectionInstantShowsTheCorrectedValue() {
        Answer after = state("asOf=" + correctedPlan().correctedAt());

        assertThat(q1(after).get("value").decimalValue()).isEqualByComparingTo("61.9");
        assertThat(q1(after).get("corrections").asInt()).isEqualTo(1);
        assertThat(q1(after).get("lastReason").asString()).isEqualTo("CDR data refreshed");
        assertThat(after.response().headers().firstValue("X-Recorded-At"))
                .contains(correctedPlan().correctedAt().toString());
    }

    @Test
    void stateAtAVersionIsTheDocumentAfterThatManyEvents() {
        Answer submitted = state("version=3");

        assertThat(submitted.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.body().get("version").asLong()).isEqualTo(3);
        assertThat(submitted
                        .body()
                        .get("entries")
                        .get(0)
                        .get("goal")
                        .get("title")
                        .asString())
                .isEqualTo("Facilitate Consistent Support for Children");
        assertThat(submitted.body().get("entries").get(0).get("quarterlyUpdates"))
                .isEmpty();
        assertThat(submitted.body().get("reviews")).isEmpty();
    }

    @Test
    void stateBeforeTheDraftingIsNotFound() {
        Answer answer = state("asOf=2000-01-01T00:00:00Z");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void stateAtAVersionThePlanNeverReachedIsNotFound() {
        Answer answer = state("version=7");

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void stateNeedsExactlyOneOfAsOfAndVersion() {
        Answer neither = api().get("/api/v1/audit/plans/" + correctedPlan().planId() + "/state", auditor);
        Answer both = state("version=2&asOf=2084-01-01T00:00:00Z");

        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body().get("type").asString()).endsWith("/one-point-in-history");
        assertThat(neither.body().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void diffBetweenSubmitAndApprovalNamesExactlyTheChangedFields() {
        Answer diff = api().get("/api/v1/audit/plans/" + correctedPlan().planId() + "/diff?from=3&to=4", auditor);

        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body().get("from").get("version").asLong()).isEqualTo(3);
        assertThat(diff.body().get("to").get("version").asLong()).isEqualTo(4);
        JsonNode changes = diff.body().get("changes");
        assertThat(changes)
                .extracting(c -> c.get("path").asString() + " " + c.get("kind").asString())
                .containsExactly("status CHANGED", "approvedAt ADDED", "reviews[0] ADDED");
        assertThat(changes.get(0).get("from").asString()).isEqualTo("SUBMITTED");
        assertThat(changes.get(0).get("to").asString()).isEqualTo("APPROVED");
        assertThat(changes.get(2).get("to").get("author").asString()).isEqualTo("ra-north@dcss");
    }

    @Test
    void diffAcrossTheCorrectionNamesTheEntryAndQuarter() {
        CorrectedPlan plan = correctedPlan();
        Answer diff = api().get(
                        "/api/v1/audit/plans/" + plan.planId() + "/diff?from="
                                + plan.correctedAt().minusNanos(1) + "&to=" + plan.correctedAt(),
                        auditor);

        JsonNode value = diff.body().get("changes").get(0);
        assertThat(value.get("path").asString())
                .isEqualTo("entries[" + plan.entryId() + "].quarterlyUpdates[Q1].value");
        assertThat(value.get("entryId").asString()).isEqualTo(plan.entryId());
        assertThat(value.get("from").decimalValue()).isEqualByComparingTo("61.8");
        assertThat(value.get("to").decimalValue()).isEqualByComparingTo("61.9");
    }

    @Test
    void diffRefusesAPointThatIsNeitherVersionNorInstant() {
        Answer diff =
                api().get("/api/v1/audit/plans/" + correctedPlan().planId() + "/diff?from=3&to=yesterday", auditor);

        assertThat(diff.status()).isEqualTo(400);
        assertThat(diff.body().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }

    @Test
    void editorCannotReadAPlansPastState() {
        Answer answer = api().get(
                        "/api/v1/audit/plans/" + correctedPlan().planId() + "/state?version=1",
                        TOKENS.lcsaEditor(LCSA));

        assertThat(answer.status()).isEqualTo(403);
    }
}

package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * One plan's whole life over HTTP, on real PostgreSQL and Kafka, with the clock set as the year goes:
 * draft → entries → tactics → late submit → returned → resubmitted → approved → amendment →
 * Q1–Q4 with one late update and one correction → final results → closed (and a correction after close).
 */
class PlanLifecycleTest extends CommandServiceTest {

    private static final String KERN = "KERN"; // Southern region; paternity 86.4% < 90%: initiative 4 is required

    @Autowired
    DSLContext db;

    private final String editor = TOKENS.lcsaEditor(KERN);
    private final String southernRa = TOKENS.token("ra-south@dcss", List.of("REGIONAL_ADMIN"), null, "Southern");
    private final String northernRa = TOKENS.token("ra-north@dcss", List.of("REGIONAL_ADMIN"), null, "Northern");

    @Test
    void planGoesThroughItsWholeLife() {
        CLOCK.set("2021-08-04T16:00:00Z");
        ok(api().post("/api/v1/cycles", TOKENS.stateAdmin(), cycleWithEveryInitiative()), 201);
        ok(
                api().post(
                                "/api/v1/cycles/2022/agency-values",
                                TOKENS.stateAdmin(),
                                Map.of(
                                        "indicator",
                                        "SPM-7",
                                        "values",
                                        List.of(Map.of("lcsa", KERN, "value", 86.4, "asOf", "2021-06-30")))),
                200);

        CLOCK.set("2021-08-20T17:00:00Z");
        String plan = ok(
                        api().post("/api/v1/plans", editor, Map.of("ffy", 2022, "lcsa", KERN, "title", "Kern PMP")),
                        201)
                .get("id")
                .asString();
        String collections = ok(api().post(plans(plan, "/entries"), editor, Ffy2022.entryForInitiative1()), 201)
                .get("id")
                .asString();
        String outreach = ok(
                        api().post(
                                        plans(plan, "/tactics"),
                                        editor,
                                        Map.of(
                                                "entryId",
                                                collections,
                                                "title",
                                                "Review cases for the Debt Reduction Program",
                                                "leads",
                                                List.of("Case management supervisor"),
                                                "description",
                                                "Monthly review list",
                                                "projectedCompletion",
                                                "2022-03-31",
                                                "initiative",
                                                "1a")),
                        201)
                .get("id")
                .asString();

        CLOCK.set("2021-09-17T18:00:00Z");
        Answer incomplete = api().post(plans(plan, "/submission"), editor, null);
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body().get("type").asString()).isEqualTo("/problems/submission-rules-of-the-cycle");
        assertThat(incomplete.body().get("errors")).hasSize(3); // initiatives 2, 3 and 4, all listed in one answer

        String paternity = ok(
                        api().post(
                                        plans(plan, "/entries"),
                                        editor,
                                        Map.of(
                                                "goal",
                                                3,
                                                "objective",
                                                1,
                                                "initiative",
                                                "4",
                                                "measurement",
                                                Map.of(
                                                        "indicator",
                                                        "SPM-7",
                                                        "title",
                                                        "Paternity establishment",
                                                        "baseline",
                                                        86.4,
                                                        "target",
                                                        88))),
                        201)
                .get("id")
                .asString();
        ok(
                api().post(
                                plans(plan, "/tactics"),
                                editor,
                                Map.of(
                                        "entryId",
                                        paternity,
                                        "title",
                                        "Genetic testing days with the IV-A office",
                                        "leads",
                                        List.of("Establishment lead"),
                                        "projectedCompletion",
                                        "2022-06-30",
                                        "initiative",
                                        "2")),
                201);
        ok(
                api().post(
                                plans(plan, "/tactics"),
                                editor,
                                Map.of(
                                        "entryId",
                                        collections,
                                        "title",
                                        "Review zero and reserved orders",
                                        "leads",
                                        List.of("Legal"),
                                        "projectedCompletion",
                                        "2022-06-30",
                                        "initiative",
                                        "3a")),
                201);
        JsonNode submitted = ok(api().post(plans(plan, "/submission"), editor, null), 200);
        assertThat(payloadAt(plan, submitted)).contains("\"late\":true", "\"daysLate\":2", "\"submission\":1");

        CLOCK.set("2021-09-22T17:00:00Z");
        refused(
                api().post(plans(plan, "/review"), northernRa, Map.of("decision", "APPROVE")),
                403,
                "regional-admin-of-the-plans-region");
        refused(
                api().post(plans(plan, "/review"), southernRa, Map.of("decision", "RETURN")),
                422,
                "return-needs-comments");
        ok(
                api().post(
                                plans(plan, "/review"),
                                southernRa,
                                Map.of("decision", "RETURN", "comments", "Please stretch the collections target")),
                200);

        CLOCK.set("2021-09-24T17:00:00Z");
        ok(
                api().send(
                                "PUT",
                                plans(plan, "/entries/" + collections + "/measurement"),
                                editor,
                                Map.of("target", 63.5, "reason", "Stretch target as the RA asked"),
                                Map.of()),
                200);
        JsonNode resubmitted = ok(api().post(plans(plan, "/submission"), editor, null), 200);
        assertThat(payloadAt(plan, resubmitted)).contains("\"submission\":2");

        CLOCK.set("2021-09-29T17:00:00Z");
        ok(api().post(plans(plan, "/review"), southernRa, Map.of("decision", "APPROVE", "comments", "Approved")), 200);

        CLOCK.set("2021-11-03T17:00:00Z");
        JsonNode amendment = ok(
                api().post(
                                plans(plan, "/tactics"),
                                editor,
                                Map.of(
                                        "entryId",
                                        collections,
                                        "title",
                                        "Text-message payment reminders",
                                        "leads",
                                        List.of("IT lead"),
                                        "projectedCompletion",
                                        "2022-05-31")),
                201);
        assertThat(payloadAt(plan, amendment)).contains("\"amendment\":true");

        CLOCK.set("2022-01-20T17:00:00Z");
        ok(progress(plan, collections, "Q1", Map.of("value", 61.8, "narrative", "Steady")), 200);
        ok(progress(plan, paternity, "Q1", Map.of("value", 86.9, "narrative", "Testing days started")), 200);
        ok(api().post(plans(plan, "/tactics/" + outreach + "/status"), editor, Map.of("status", "IN_PROGRESS")), 200);

        CLOCK.set("2022-05-05T17:00:00Z");
        JsonNode lateQ2 =
                ok(progress(plan, collections, "Q2", Map.of("value", 62.4, "narrative", "Reminders live")), 200);
        assertThat(payloadAt(plan, lateQ2)).contains("\"late\":true", "\"daysLate\":3", "\"dueDate\":\"2022-05-02\"");
        refused(
                progress(plan, collections, "Q1", Map.of("value", 61.9, "narrative", "Refreshed")),
                422,
                "correction-needs-reason");
        JsonNode correction = ok(
                progress(
                        plan,
                        collections,
                        "Q1",
                        Map.of("value", 61.9, "narrative", "Refreshed", "reason", "CDR data refreshed")),
                200);
        assertThat(payloadAt(plan, correction))
                .contains("\"correction\":true", "\"previousValue\":61.8", "\"reason\":\"CDR data refreshed\"");
        ok(
                api().post(
                                plans(plan, "/tactics/" + outreach + "/status"),
                                editor,
                                Map.of(
                                        "status",
                                        "COMPLETED",
                                        "actualCompletion",
                                        "2022-04-29",
                                        "comment",
                                        "All cases reviewed")),
                200);

        CLOCK.set("2022-07-28T17:00:00Z");
        ok(progress(plan, collections, "Q3", Map.of("value", 63.0, "narrative", "On track")), 200);
        CLOCK.set("2022-10-20T17:00:00Z");
        ok(progress(plan, collections, "Q4", Map.of("value", 63.7, "narrative", "Target met")), 200);

        JsonNode closed = ok(
                api().post(plans(plan, "/final-results"), editor, Map.of("narrative", "Collections target met")), 200);
        assertThat(closed.get("outcome").get("missingQ4Values")).hasSize(1);
        assertThat(closed.get("outcome")
                        .get("missingQ4Values")
                        .get(0)
                        .get("entryId")
                        .asString())
                .isEqualTo(paternity);

        CLOCK.set("2022-11-15T17:00:00Z");
        refused(
                progress(plan, paternity, "Q4", Map.of("value", 88.2, "narrative", "Late data", "reason", "late")),
                403,
                "closed-plan-corrected-by-state-admin-only");
        refused(
                api().post(
                                plans(plan, "/tactics"),
                                editor,
                                Map.of(
                                        "entryId",
                                        collections,
                                        "title",
                                        "Too late",
                                        "leads",
                                        List.of("x"),
                                        "projectedCompletion",
                                        "2022-12-31")),
                409,
                "closed-plan-changes-no-more");
        JsonNode afterClose = ok(
                api().send(
                                "PUT",
                                plans(plan, "/entries/" + collections + "/progress/Q4"),
                                TOKENS.stateAdmin(),
                                Map.of("value", 63.6, "narrative", "Audited value", "reason", "OCSE-157 audit"),
                                Map.of()),
                200);
        assertThat(payloadAt(plan, afterClose)).contains("\"afterClose\":true", "\"correction\":true");

        assertThat(eventTypes(plan))
                .containsExactly(
                        "PlanDrafted",
                        "PlanEntryAdded",
                        "TacticAdded",
                        "PlanEntryAdded",
                        "TacticAdded",
                        "TacticAdded",
                        "PlanSubmitted",
                        "PlanReturned",
                        "MeasurementRevised",
                        "PlanSubmitted",
                        "PlanApproved",
                        "TacticAdded",
                        "QuarterlyProgressRecorded",
                        "QuarterlyProgressRecorded",
                        "TacticStatusChanged",
                        "QuarterlyProgressRecorded",
                        "QuarterlyProgressRecorded",
                        "TacticStatusChanged",
                        "QuarterlyProgressRecorded",
                        "QuarterlyProgressRecorded",
                        "FinalResultsSubmitted",
                        "QuarterlyProgressRecorded");
    }

    @Test
    void replayedAddTacticAnswersTheSameTacticAndStoresNothingNew() {
        CLOCK.set("2022-08-20T17:00:00Z");
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2023));
        String lcsa = "TULARE";
        String plan = ok(api().post("/api/v1/plans", TOKENS.lcsaEditor(lcsa), Map.of("ffy", 2023, "lcsa", lcsa)), 201)
                .get("id")
                .asString();
        String entry = ok(
                        api().post(plans(plan, "/entries"), TOKENS.lcsaEditor(lcsa), Ffy2022.entryForInitiative1()),
                        201)
                .get("id")
                .asString();
        Map<String, Object> tactic = Map.of(
                "entryId",
                entry,
                "title",
                "Office hours",
                "leads",
                List.of("Lead"),
                "projectedCompletion",
                "2023-03-31");
        Map<String, String> key = Map.of("Idempotency-Key", "tactic-" + plan);

        Answer first = api().post(plans(plan, "/tactics"), TOKENS.lcsaEditor(lcsa), tactic, key);
        Answer again = api().post(plans(plan, "/tactics"), TOKENS.lcsaEditor(lcsa), tactic, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.body().get("planId").asString()).isEqualTo(plan);
        assertThat(eventTypes(plan)).containsExactly("PlanDrafted", "PlanEntryAdded", "TacticAdded");
    }

    /** The test cycle with CSSP 21-04's four key initiatives (1–3 for all, 4 below the paternity threshold). */
    private static Map<String, Object> cycleWithEveryInitiative() {
        Map<String, Object> cycle = new HashMap<>(Ffy2022.openCycle(2022));
        cycle.put(
                "keyInitiatives",
                List.of(
                        Map.of(
                                "code",
                                "1",
                                "title",
                                "Improve Service Delivery",
                                "required",
                                "ALL",
                                "subInitiatives",
                                List.of(Map.of("code", "1a", "title", "Review Cases for Debt Reduction Program"))),
                        Map.of("code", "2", "title", "Enhance Partnerships", "required", "ALL"),
                        Map.of(
                                "code",
                                "3",
                                "title",
                                "Increase Current Support Collections",
                                "required",
                                "ALL",
                                "subInitiatives",
                                List.of(Map.of("code", "3a", "title", "Review for Modification Zero/Reserved Orders"))),
                        Map.of(
                                "code",
                                "4",
                                "title",
                                "Paternity Establishment",
                                "required",
                                "BELOW_PATERNITY_THRESHOLD",
                                "threshold",
                                90,
                                "thresholdIndicator",
                                "SPM-7")));
        return cycle;
    }

    private static String plans(String plan, String path) {
        return "/api/v1/plans/" + plan + path;
    }

    private Answer progress(String plan, String entry, String quarter, Map<String, Object> body) {
        return api().send("PUT", plans(plan, "/entries/" + entry + "/progress/" + quarter), editor, body, Map.of());
    }

    /** A refusal: its status, and the rule its problem names; the caller's event count is checked by the whole life's. */
    private static void refused(Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/" + rule);
    }

    private static JsonNode ok(Answer answer, int status) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(status);
        return answer.body();
    }

    /** The stored payload of the event a command answer's version names. */
    private String payloadAt(String plan, JsonNode answer) {
        return new String(
                db.select(DOMAIN_EVENT_ENTRY.PAYLOAD)
                        .from(DOMAIN_EVENT_ENTRY)
                        .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan))
                        .and(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(
                                answer.get("version").asLong() - 1))
                        .fetchOne(DOMAIN_EVENT_ENTRY.PAYLOAD),
                StandardCharsets.UTF_8);
    }

    private List<String> eventTypes(String plan) {
        return db
                .select(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE)
                .from(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan))
                .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                .fetch(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }
}

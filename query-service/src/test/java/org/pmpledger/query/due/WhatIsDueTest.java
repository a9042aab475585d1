package org.pmpledger.query.due;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * What is due: per agency and region, what falls due within the horizon and what is overdue, as JSON, as an iCalendar
 * file a calendar library parses, and as a feed URL that works without an Authorization header until revoked.
 */
class WhatIsDueTest extends QueryServiceTest {

    private static final int FFY = 2068;
    private static final String NOW = "2068-02-10T20:00:00Z";
    private static final Instant AT = Instant.parse("2067-08-20T17:00:00Z");
    private static final String KERN_PLAN = UUID.randomUUID().toString();
    private static final String NAPA_PLAN = UUID.randomUUID().toString();
    private static final Set<String> SOUTHERN = Set.of(
            "IMPERIAL",
            "KERN",
            "KINGS",
            "LOS_ANGELES",
            "ORANGE",
            "RIVERSIDE",
            "SAN_BERNARDINO",
            "SAN_DIEGO",
            "SAN_LUIS_OBISPO",
            "SANTA_BARBARA",
            "TULARE",
            "VENTURA");
    private static long through;

    @BeforeEach
    void aRunningCycleWithASubmittedAndADraftedPlan() throws Exception {
        CLOCK.set(NOW);
        synchronized (WhatIsDueTest.class) {
            if (through > 0) {
                return;
            }
            publish(
                    cycleWithSpm2(
                            FFY,
                            LocalDate.parse("2067-09-15"),
                            new PlanningCycleOpened.QuarterDueDates(
                                    LocalDate.parse("2068-01-31"),
                                    LocalDate.parse("2068-05-02"),
                                    LocalDate.parse("2068-08-01"),
                                    LocalDate.parse("2068-10-31")),
                            AT),
                    0);
            publishStream(List.of(
                    new PlanDrafted(KERN_PLAN, FFY, "KERN", "Kern PMP", AT),
                    spm2Entry(KERN_PLAN, FFY, "KERN", AT),
                    tactic("t-1", LocalDate.parse("2068-02-28")),
                    tactic("t-2", LocalDate.parse("2068-02-25")),
                    new PlanSubmitted(KERN_PLAN, FFY, "KERN", 1, LocalDate.parse("2067-09-15"), false, 0, AT),
                    new TacticRevised(
                            KERN_PLAN,
                            FFY,
                            "KERN",
                            "t-1",
                            "Early calls",
                            List.of("Jane Doe"),
                            null,
                            LocalDate.parse("2068-02-20"),
                            List.of(TacticRevised.PROJECTED_COMPLETION),
                            "Staff found sooner",
                            false,
                            AT)));
            publishStream(List.of(
                    new PlanDrafted(NAPA_PLAN, FFY, "NAPA", "Napa PMP", AT), spm2Entry(NAPA_PLAN, FFY, "NAPA", AT)));
            through = watermark();
        }
    }

    private static TacticAdded tactic(String tacticId, LocalDate projected) {
        return new TacticAdded(
                KERN_PLAN,
                FFY,
                "KERN",
                tacticId,
                "e-1",
                "Early calls",
                List.of("Jane Doe"),
                null,
                projected,
                null,
                false,
                AT);
    }

    private JsonNode due(String query, String token) {
        Answer answer = api().get("/api/v1/due?minPosition=" + through + query, token);
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode item(JsonNode due, String uid) {
        for (JsonNode item : due.get("items")) {
            if (item.get("uid").asString().equals(uid)) {
                return item;
            }
        }
        throw new AssertionError("no item " + uid + " in " + due);
    }

    private static Calendar parsed(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void aQuarterlyUpdateWithoutAValueIsOverdueByTheDaysSinceItsDueDate() {
        JsonNode q1 = item(due("&lcsa=KERN", TOKENS.analyst()), "quarterly-update." + KERN_PLAN + ".e-1.Q1@pmp-ledger");

        assertThat(q1.get("kind").asString()).isEqualTo("QUARTERLY_UPDATE");
        assertThat(q1.get("dueDate").asString()).isEqualTo("2068-01-31");
        assertThat(q1.get("overdue").asBoolean()).isTrue();
        assertThat(q1.get("daysOverdue").asInt()).isEqualTo(10);
    }

    @Test
    void finalResultsNotSubmittedStayOverdueOnceTheCycleHasEnded() {
        CLOCK.set("2068-11-10T20:00:00Z");

        JsonNode finalResults = item(due("&lcsa=KERN", TOKENS.analyst()), "final-results." + KERN_PLAN + "@pmp-ledger");

        assertThat(finalResults.get("dueDate").asString()).isEqualTo("2068-10-31");
        assertThat(finalResults.get("daysOverdue").asInt()).isEqualTo(10);
    }

    @Test
    void whatFallsDueAfterTheHorizonIsNotListed() {
        List<JsonNode> month = ofThisCycle(due("&lcsa=KERN&days=30", TOKENS.analyst()));
        List<JsonNode> quarter = ofThisCycle(due("&lcsa=KERN&days=90", TOKENS.analyst()));

        assertThat(month).extracting(i -> i.get("quarter").asString("")).doesNotContain("Q2");
        assertThat(quarter).extracting(i -> i.get("quarter").asString("")).contains("Q2");
        assertThat(month)
                .extracting(i -> i.get("kind").asString())
                .contains("TACTIC_COMPLETION")
                .doesNotContain("PLAN_SUBMISSION");
    }

    /** The items of this test's cycle (other tests' cycles share the read models). */
    private static List<JsonNode> ofThisCycle(JsonNode due) {
        return due.get("items")
                .valueStream()
                .filter(item -> item.get("ffy").asInt() == FFY)
                .toList();
    }

    @Test
    void anAgencyThatHasNotSubmittedOwesItsPlan() {
        JsonNode plan = item(due("&lcsa=NAPA", TOKENS.analyst()), "plan-submission." + FFY + ".NAPA@pmp-ledger");

        assertThat(plan.get("planId").asString()).isEqualTo(NAPA_PLAN);
        assertThat(plan.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void aRegionListsItsOwnAgenciesOnly() {
        JsonNode due = due("&region=Southern", TOKENS.analyst());

        assertThat(due.get("items")).isNotEmpty();
        assertThat(due.get("items"))
                .allSatisfy(
                        item -> assertThat(SOUTHERN).contains(item.get("lcsa").asString()));
    }

    @Test
    void aRegionNoAgencyBelongsToIsRefusedNamingTheField() {
        Answer refused = api().get("/api/v1/due?region=northern", TOKENS.analyst());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/region-of-the-reference-data");
        assertThat(refused.response().body()).contains("\"region\"");
    }

    @Test
    void anEmptyCalendarIsStillAValidCalendar() throws Exception {
        Answer ics =
                api().get("/api/v1/due?format=ics&lcsa=KERN&region=Northern&minPosition=" + through, TOKENS.analyst());

        assertThat(parsed(ics.response().body()).getComponents("VEVENT")).isEmpty();
        assertThat(parsed(ics.response().body()).getComponents()).isNotEmpty();
    }

    @Test
    void anAgencyEditorSeesItsOwnAgencyOnly() {
        JsonNode due = due("", TOKENS.lcsaEditor("NAPA"));

        assertThat(due.get("items")).isNotEmpty();
        assertThat(due.get("items"))
                .allSatisfy(item -> assertThat(item.get("lcsa").asString()).isEqualTo("NAPA"));
    }

    @Test
    void theCalendarFileParsesWithOneAllDayEventPerItem() throws Exception {
        JsonNode json = due("&lcsa=KERN", TOKENS.analyst());
        Answer ics = api().get("/api/v1/due?format=ics&lcsa=KERN&minPosition=" + through, TOKENS.analyst());

        assertThat(ics.contentType()).startsWith("text/calendar");
        List<VEvent> events = parsed(ics.response().body()).getComponents("VEVENT");
        assertThat(events).hasSize(json.get("items").size());
        VEvent q1 = events.stream()
                .filter(e ->
                        e.getProperty(Property.UID).orElseThrow().getValue().contains(".e-1.Q1@"))
                .findFirst()
                .orElseThrow();
        assertThat(q1.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20680131");
        assertThat(q1.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("VALUE")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("DATE");
        assertThat(q1.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("OVERDUE: KERN: Q1 update");
    }

    @Test
    void aTacticsEventSequenceCountsHowOftenItsDateMoved() throws Exception {
        Answer ics = api().get("/api/v1/due?format=ics&lcsa=KERN&minPosition=" + through, TOKENS.analyst());

        Map<String, String> sequences = new HashMap<>();
        for (Object component : parsed(ics.response().body()).getComponents("VEVENT")) {
            VEvent event = (VEvent) component;
            sequences.put(
                    event.getProperty(Property.UID).orElseThrow().getValue(),
                    event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        }
        assertThat(sequences).containsEntry("tactic-completion." + KERN_PLAN + ".t-1@pmp-ledger", "1");
        assertThat(sequences).containsEntry("tactic-completion." + KERN_PLAN + ".t-2@pmp-ledger", "0");
    }

    @Test
    void aFeedUrlWorksWithoutAnAuthorizationHeader() throws Exception {
        String url = api().post("/api/v1/feeds", TOKENS.lcsaEditor("KERN"), Map.of())
                .body()
                .get("url")
                .asString();

        Answer feed = api().get(url, null);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.response().body()).contains("UID:quarterly-update." + KERN_PLAN + ".e-1.Q1@pmp-ledger");
        assertThat(parsed(feed.response().body()).getComponents("VEVENT"))
                .allSatisfy(e -> assertThat(((VEvent) e)
                                .getProperty(Property.SUMMARY)
                                .orElseThrow()
                                .getValue())
                        .contains("KERN"));
    }

    @Test
    void aRevokedFeedAnswers404() {
        JsonNode created = api().post("/api/v1/feeds", TOKENS.lcsaEditor("KERN"), Map.of("days", 7))
                .body();

        Answer revoked = api().send(
                        "DELETE",
                        "/api/v1/feeds/" + created.get("feedId").asString(),
                        TOKENS.lcsaEditor("KERN"),
                        null,
                        Map.of());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api().get(created.get("url").asString(), null).status()).isEqualTo(404);
    }

    @Test
    void aFeedExpiresAYearAfterItWasMade() {
        String url = api().post("/api/v1/feeds", TOKENS.lcsaEditor("KERN"), Map.of())
                .body()
                .get("url")
                .asString();

        CLOCK.set("2069-02-11T20:00:00Z");

        assertThat(api().get(url, null).status()).isEqualTo(404);
    }

    @Test
    void aFeedListsWithoutItsToken() {
        String token = TOKENS.token("lister@napa", List.of("LCSA_EDITOR"), "NAPA", null);
        api().post("/api/v1/feeds", token, Map.of());

        JsonNode feeds = api().get("/api/v1/feeds", token).body();

        assertThat(feeds).hasSize(1);
        assertThat(feeds.get(0).get("lcsa").asString()).isEqualTo("NAPA");
        assertThat(feeds.get(0).get("token").isNull()).isTrue();
    }

    @Test
    void anAgencyEditorCannotMakeAFeedOfAnotherAgency() {
        Answer refused = api().post("/api/v1/feeds", TOKENS.lcsaEditor("KERN"), Map.of("lcsa", "NAPA"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aFeedLooksAtMostAYearAhead() {
        Answer refused = api().post("/api/v1/feeds", TOKENS.lcsaEditor("KERN"), Map.of("days", 400));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.response().body()).contains("days");
    }

    @Test
    void anUnknownFeedAnswers404WithoutAnAuthorizationHeader() {
        Answer unknown = api().get("/api/v1/feeds/" + "A".repeat(43) + "/due.ics", null);

        assertThat(unknown.status()).isEqualTo(404);
    }
}

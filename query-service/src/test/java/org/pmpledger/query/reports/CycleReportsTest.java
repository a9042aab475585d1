package org.pmpledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.query.jooq.Tables.AGENCY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded.AgencyValue;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.Direction;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.Objective;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubInitiative;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * Compliance, key-initiative coverage, tactics across plans and the plan document over HTTP, JSON and
 * CSV, on a small FFY 2062 cycle: ALAMEDA on time with a late Q2 and an overdue tactic, FRESNO late
 * and closed, every other agency without a plan; "now" is 2062-06-15 in California.
 */
class CycleReportsTest extends QueryServiceTest {

    private static final int FFY = 2062;
    private static final String ALAMEDA_PLAN = "0a1a3eda-2062-4000-8000-000000000001";
    private static final String FRESNO_PLAN = "0f3e5000-2062-4000-8000-000000000002";
    private static final Instant AT = Instant.parse("2061-08-20T17:00:00Z");
    private static boolean loaded;
    private static long through;

    @Autowired
    DSLContext db;

    @BeforeEach
    void cycleWithTwoPlans() throws Exception {
        CLOCK.set("2062-06-15T19:00:00Z");
        if (loaded) {
            return;
        }
        publish(
                new PlanningCycleOpened(
                        "cycle-" + FFY,
                        FFY,
                        LocalDate.parse("2061-09-15"),
                        new QuarterDueDates(
                                LocalDate.parse("2062-01-31"),
                                LocalDate.parse("2062-05-02"),
                                LocalDate.parse("2062-08-01"),
                                LocalDate.parse("2062-10-31")),
                        List.of(new StrategicGoal(
                                1,
                                "Facilitate Consistent Support for Children",
                                List.of(new Objective(
                                        1, "Increase child support collections and payment reliability")))),
                        List.of(
                                new KeyInitiative(
                                        "1",
                                        "Improve Service Delivery",
                                        InitiativeRequirement.ALL,
                                        null,
                                        null,
                                        List.of(new SubInitiative("1a", "Review Cases for Debt Reduction Program"))),
                                new KeyInitiative(
                                        "4",
                                        "Paternity Establishment",
                                        InitiativeRequirement.BELOW_PATERNITY_THRESHOLD,
                                        new BigDecimal("90"),
                                        "SPM-7",
                                        List.of())),
                        List.of(
                                new PracticeIndicator(
                                        "SPM-2", "Current support", MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER),
                                new PracticeIndicator(
                                        "SPM-7",
                                        "Paternity establishment",
                                        MeasureUnit.PERCENT,
                                        Direction.HIGHER_IS_BETTER)),
                        List.of(),
                        AT),
                0);
        publish(
                new AgencyIndicatorValuesRecorded(
                        "cycle-" + FFY,
                        FFY,
                        "SPM-7",
                        List.of(
                                new AgencyValue("ALAMEDA", new BigDecimal("85.0"), LocalDate.parse("2061-06-30")),
                                new AgencyValue("FRESNO", new BigDecimal("95.0"), LocalDate.parse("2061-06-30"))),
                        AT),
                1);
        String alameda = ALAMEDA_PLAN;
        publishStream(List.of(
                new PlanDrafted(alameda, FFY, "ALAMEDA", "Alameda PMP", AT),
                new PlanEntryAdded(
                        alameda,
                        FFY,
                        "ALAMEDA",
                        "a-e1",
                        1,
                        1,
                        null,
                        null,
                        "1a",
                        new Measurement(
                                "SPM-2",
                                "Current support",
                                MeasureUnit.PERCENT,
                                new BigDecimal("64.0"),
                                new BigDecimal("66.0")),
                        false,
                        AT),
                new TacticAdded(
                        alameda,
                        FFY,
                        "ALAMEDA",
                        "a-t1",
                        "a-e1",
                        "Text reminders",
                        List.of("IT lead", "Call center"),
                        "SMS",
                        LocalDate.parse("2062-03-31"),
                        "1a",
                        false,
                        AT),
                new PlanSubmitted(
                        alameda,
                        FFY,
                        "ALAMEDA",
                        1,
                        LocalDate.parse("2061-09-15"),
                        false,
                        0,
                        Instant.parse("2061-09-10T17:00:00Z")),
                new PlanApproved(
                        alameda,
                        FFY,
                        "ALAMEDA",
                        1,
                        "ra@north",
                        "Northern",
                        "Approved",
                        Instant.parse("2061-09-20T17:00:00Z")),
                new TacticStatusChanged(
                        alameda,
                        FFY,
                        "ALAMEDA",
                        "a-t1",
                        TacticStatus.NOT_STARTED,
                        TacticStatus.IN_PROGRESS,
                        null,
                        null,
                        false,
                        Instant.parse("2061-10-05T17:00:00Z")),
                new QuarterlyProgressRecorded(
                        alameda,
                        FFY,
                        "ALAMEDA",
                        "a-e1",
                        "SPM-2",
                        Quarter.Q1,
                        new BigDecimal("64.5"),
                        "Steady",
                        LocalDate.parse("2062-01-31"),
                        false,
                        0,
                        false,
                        null,
                        null,
                        null,
                        false,
                        Instant.parse("2062-01-25T17:00:00Z")),
                new QuarterlyProgressRecorded(
                        alameda,
                        FFY,
                        "ALAMEDA",
                        "a-e1",
                        "SPM-2",
                        Quarter.Q2,
                        new BigDecimal("65.0"),
                        "Up",
                        LocalDate.parse("2062-05-02"),
                        true,
                        4,
                        false,
                        null,
                        null,
                        null,
                        false,
                        Instant.parse("2062-05-06T17:00:00Z"))));
        String fresno = FRESNO_PLAN;
        publishStream(List.of(
                new PlanDrafted(fresno, FFY, "FRESNO", "Fresno PMP", AT),
                new PlanEntryAdded(
                        fresno,
                        FFY,
                        "FRESNO",
                        "f-e1",
                        1,
                        1,
                        null,
                        null,
                        null,
                        new Measurement(
                                "SPM-2",
                                "Current support",
                                MeasureUnit.PERCENT,
                                new BigDecimal("70.0"),
                                new BigDecimal("72.0")),
                        false,
                        AT),
                new PlanSubmitted(
                        fresno,
                        FFY,
                        "FRESNO",
                        1,
                        LocalDate.parse("2061-09-15"),
                        true,
                        3,
                        Instant.parse("2061-09-18T17:00:00Z")),
                new PlanApproved(
                        fresno, FFY, "FRESNO", 1, "ra@north", "Northern", null, Instant.parse("2061-09-25T17:00:00Z")),
                new FinalResultsSubmitted(
                        fresno,
                        FFY,
                        "FRESNO",
                        "early close",
                        List.of("f-e1"),
                        LocalDate.parse("2062-10-31"),
                        false,
                        0,
                        Instant.parse("2062-06-01T17:00:00Z"))));
        through = watermark();
        loaded = true;
    }

    private JsonNode read(String path) {
        Answer answer = api().get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + through, TOKENS.analyst());
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode agency(JsonNode answer, String lcsa) {
        for (JsonNode agency : answer.get("agencies")) {
            if (agency.get("lcsa").asString().equals(lcsa)) {
                return agency;
            }
        }
        throw new AssertionError(lcsa + " not in the answer");
    }

    @Test
    void complianceSaysOnTimeLateMissingAndNotYetDueAsOfToday() {
        JsonNode compliance = read("/api/v1/cycles/" + FFY + "/compliance");

        JsonNode alameda = agency(compliance, "ALAMEDA");
        assertThat(alameda.get("plan").get("state").asString()).isEqualTo("ON_TIME");
        assertThat(alameda.get("quarterly"))
                .extracting(q -> q.get("item").asString() + ":" + q.get("state").asString())
                .containsExactly("Q1:ON_TIME", "Q2:LATE", "Q3:NOT_YET_DUE", "Q4:NOT_YET_DUE");
        assertThat(alameda.get("quarterly").get(1).get("daysLate").asInt()).isEqualTo(4);
        JsonNode fresno = agency(compliance, "FRESNO");
        assertThat(fresno.get("plan").get("state").asString()).isEqualTo("LATE");
        assertThat(fresno.get("plan").get("daysLate").asInt()).isEqualTo(3);
        assertThat(fresno.get("quarterly").get(0).get("state").asString()).isEqualTo("MISSING");
        assertThat(fresno.get("finalResults").get("state").asString()).isEqualTo("ON_TIME");
        JsonNode kern = agency(compliance, "KERN");
        assertThat(kern.get("status").asString()).isEqualTo("NONE");
        assertThat(kern.get("plan").get("state").asString()).isEqualTo("MISSING");
        assertThat(kern.get("plan").get("daysLate").asInt()).isEqualTo(273); // 2061-09-15 to 2062-06-15
        int agencies = db.fetchCount(AGENCY);
        JsonNode plans = compliance.get("statewide").get("plan");
        assertThat(plans.get("due").asInt()).isEqualTo(agencies);
        assertThat(plans.get("onTime").asInt()).isEqualTo(1);
        assertThat(plans.get("late").asInt()).isEqualTo(1);
        assertThat(plans.get("missing").asInt()).isEqualTo(agencies - 2);
        assertThat(compliance.get("statewide").get("Q2").get("onTimeRate").asDouble())
                .isZero();
    }

    @Test
    void complianceComesAsCsvWithALinePerDueItem() {
        Answer csv = api().send(
                        "GET",
                        "/api/v1/cycles/" + FFY + "/compliance?minPosition=" + through,
                        TOKENS.analyst(),
                        null,
                        Map.of("Accept", "text/csv"));

        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.response().body().lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo(
                        "lcsa,plan_id,item,entry_id,measurement,due_date,recorded_at,state,days_late,corrections,ffy,region");
        assertThat(lines)
                .anyMatch(line -> line.startsWith("ALAMEDA," + ALAMEDA_PLAN + ",Q2,a-e1,Current support,2062-05-02,")
                        && line.contains(",LATE,4,"));
        assertThat(lines).anyMatch(line -> line.startsWith("KERN,,PLAN,"));
    }

    @Test
    void initiativeCoverageFindsTheGapsOfRequiredInitiatives() {
        JsonNode coverage = read("/api/v1/cycles/" + FFY + "/initiatives");

        JsonNode alameda = agency(coverage, "ALAMEDA").get("initiatives");
        assertThat(alameda.get(0).get("code").asString()).isEqualTo("1");
        assertThat(alameda.get(0).get("covered").asBoolean()).isTrue(); // by entry and tactic on sub-initiative 1a
        assertThat(alameda.get(0).get("activeTactics").asInt()).isEqualTo(1);
        assertThat(alameda.get(1).get("required").asBoolean()).isTrue(); // 85.0 < 90
        assertThat(alameda.get(1).get("covered").asBoolean()).isFalse();
        JsonNode fresno = agency(coverage, "FRESNO").get("initiatives");
        assertThat(fresno.get(1).get("required").asBoolean()).isFalse(); // 95.0
        assertThat(coverage.get("gaps"))
                .extracting(g ->
                        g.get("lcsa").asString() + ":" + g.get("initiative").asString())
                .contains("ALAMEDA:4", "FRESNO:1", "KERN:1")
                .doesNotContain("FRESNO:4", "KERN:4");
    }

    @Test
    void tacticsFilterByOverdueStatusInitiativeAndLead() {
        JsonNode overdue = read("/api/v1/cycles/" + FFY + "/tactics?overdue=true");
        JsonNode byLead = read("/api/v1/cycles/" + FFY + "/tactics?lead=call%20CENTER&initiative=1&status=IN_PROGRESS");
        JsonNode completed = read("/api/v1/cycles/" + FFY + "/tactics?status=COMPLETED");

        assertThat(overdue.get("tactics"))
                .extracting(t -> t.get("tacticId").asString())
                .containsExactly("a-t1");
        assertThat(overdue.get("tactics").get(0).get("daysOverdue").asInt()).isEqualTo(76); // 2062-03-31 to 2062-06-15
        assertThat(byLead.get("tactics")).hasSize(1);
        assertThat(completed.get("tactics")).isEmpty();
        assertThat(overdue.get("byStatus").get("IN_PROGRESS").asInt()).isEqualTo(1);
    }

    @Test
    void agencyRoleSeesOnlyItsOwnTactics() {
        Answer own =
                api().get("/api/v1/cycles/" + FFY + "/tactics?minPosition=" + through, TOKENS.lcsaEditor("ALAMEDA"));
        Answer other = api().get(
                        "/api/v1/cycles/" + FFY + "/tactics?lcsa=ALAMEDA&minPosition=" + through,
                        TOKENS.lcsaEditor("FRESNO"));

        assertThat(own.body().get("tactics")).hasSize(1);
        assertThat(other.body().get("tactics")).isEmpty();
    }

    @Test
    void tacticsComeAsCsv() {
        Answer csv = api().send(
                        "GET",
                        "/api/v1/cycles/" + FFY + "/tactics?minPosition=" + through,
                        TOKENS.analyst(),
                        null,
                        Map.of("Accept", "text/csv"));

        List<String> lines = csv.response().body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith("ALAMEDA," + ALAMEDA_PLAN
                        + ",a-t1,a-e1,Text reminders,IT lead; Call center,IN_PROGRESS,2062-03-31,,1a,true,76,");
    }

    @Test
    void planDocumentHasTheTemplatesShape() {
        JsonNode plan = api().get("/api/v1/plans/" + ALAMEDA_PLAN + "?minVersion=8", TOKENS.lcsaEditor("ALAMEDA"))
                .body();

        assertThat(plan.get("status").asString()).isEqualTo("APPROVED");
        assertThat(plan.get("version").asLong()).isEqualTo(8);
        JsonNode entry = plan.get("entries").get(0);
        assertThat(entry.get("goal").get("title").asString()).isEqualTo("Facilitate Consistent Support for Children");
        assertThat(entry.get("objective").get("title").asString())
                .isEqualTo("Increase child support collections and payment reliability");
        assertThat(entry.get("initiative").get("title").asString())
                .isEqualTo("Review Cases for Debt Reduction Program");
        assertThat(entry.get("measurement").get("target").asDouble()).isEqualTo(66.0);
        assertThat(entry.get("quarterlyUpdates"))
                .extracting(
                        q -> q.get("quarter").asString() + "=" + q.get("value").asString())
                .containsExactly("Q1=64.5", "Q2=65.0");
        assertThat(entry.get("tactics").get(0).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(plan.get("reviews").get(0).get("kind").asString()).isEqualTo("APPROVED");
    }

    @Test
    void plansListComesAsCsv() {
        Answer csv = api().send(
                        "GET",
                        "/api/v1/plans?ffy=" + FFY + "&minPosition=" + through,
                        TOKENS.analyst(),
                        null,
                        Map.of("Accept", "text/csv"));

        List<String> lines = csv.response().body().lines().toList();
        assertThat(lines.getFirst()).startsWith("plan_id,ffy,lcsa,title,status");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith(FRESNO_PLAN + ",2062,FRESNO,Fresno PMP,CLOSED,");
    }

    @Test
    void statewideReadWaitsForAPositionAndAnswers503WhenItIsNotReached() {
        Answer answer = api().get(
                        "/api/v1/cycles/" + FFY + "/compliance?minPosition=" + (through + 1_000_000), TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}

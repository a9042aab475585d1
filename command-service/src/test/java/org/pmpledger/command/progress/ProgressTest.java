package org.pmpledger.command.progress;

import static org.pmpledger.command.plan.PlanFixtures.ENTRY;
import static org.pmpledger.command.plan.PlanFixtures.PLAN;
import static org.pmpledger.command.plan.PlanFixtures.approvedPlan;
import static org.pmpledger.command.plan.PlanFixtures.drafted;
import static org.pmpledger.command.plan.PlanFixtures.editorOf;
import static org.pmpledger.command.plan.PlanFixtures.entry;
import static org.pmpledger.command.plan.PlanFixtures.planFixture;
import static org.pmpledger.command.plan.PlanFixtures.refused;
import static org.pmpledger.command.plan.PlanFixtures.stateAdmin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.plan.Plan;
import org.pmpledger.command.progress.FinalResultsOutcome.MissingQ4Value;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;

/** Quarterly progress: begun quarters only, on time or late, corrections with reasons; final results close the plan. */
class ProgressTest {

    private static final LocalDate Q1_DUE = LocalDate.parse("2022-01-31");
    private static final LocalDate Q4_DUE = LocalDate.parse("2022-10-31");

    private static AggregateTestFixture<Plan> at(String now) {
        return planFixture(now);
    }

    private static QuarterlyProgressRecorded q1(
            String value, String narrative, boolean late, int daysLate, String recordedAt) {
        return new QuarterlyProgressRecorded(
                PLAN,
                2022,
                "ALAMEDA",
                ENTRY,
                "SPM-2",
                Quarter.Q1,
                new BigDecimal(value),
                narrative,
                Q1_DUE,
                late,
                daysLate,
                false,
                null,
                null,
                null,
                false,
                Instant.parse(recordedAt));
    }

    private static QuarterlyProgressRecorded q4(String value, String recordedAt) {
        return new QuarterlyProgressRecorded(
                PLAN,
                2022,
                "ALAMEDA",
                ENTRY,
                "SPM-2",
                Quarter.Q4,
                new BigDecimal(value),
                "Year end",
                Q4_DUE,
                false,
                0,
                false,
                null,
                null,
                null,
                false,
                Instant.parse(recordedAt));
    }

    private static final FinalResultsSubmitted CLOSED = new FinalResultsSubmitted(
            PLAN, 2022, "ALAMEDA", "Done", List.of(), Q4_DUE, false, 0, Instant.parse("2022-10-20T17:00:00Z"));

    @Test
    void canRecordAQuarterOnTime() {
        at("2022-01-20T17:00:00Z")
                .given(approvedPlan())
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q1, new BigDecimal("61.2"), "Steady", null),
                        editorOf("ALAMEDA"))
                .expectEvents(q1("61.2", "Steady", false, 0, "2022-01-20T17:00:00Z"));
    }

    @Test
    void lateQuarterIsRecordedAsLateAgainstTheCyclesDueDate() {
        at("2022-02-03T17:00:00Z")
                .given(approvedPlan())
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q1, new BigDecimal("61.2"), "Steady", null),
                        editorOf("ALAMEDA"))
                .expectEvents(q1("61.2", "Steady", true, 3, "2022-02-03T17:00:00Z"));
    }

    @Test
    void cannotRecordAQuarterThatHasNotBegun() {
        at("2021-12-31T17:00:00Z")
                .given(approvedPlan())
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q2, BigDecimal.ONE, "Early", null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("quarter-must-have-begun", 1));
    }

    @Test
    void cannotRecordProgressOnADraft() {
        at("2022-01-20T17:00:00Z")
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q1, BigDecimal.ONE, "Draft", null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("progress-after-submission"));
    }

    @Test
    void recordingAQuarterAgainIsACorrectionKeepingTheOldValue() {
        at("2022-02-10T17:00:00Z")
                .given(approvedPlan())
                .andGiven(q1("61.2", "Steady", false, 0, "2022-01-20T17:00:00Z"))
                .when(
                        new RecordQuarterlyProgress(
                                PLAN, ENTRY, Quarter.Q1, new BigDecimal("61.9"), "Refreshed", "CDR refresh"),
                        editorOf("ALAMEDA"))
                .expectEvents(new QuarterlyProgressRecorded(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        ENTRY,
                        "SPM-2",
                        Quarter.Q1,
                        new BigDecimal("61.9"),
                        "Refreshed",
                        Q1_DUE,
                        true,
                        10,
                        true,
                        new BigDecimal("61.2"),
                        "Steady",
                        "CDR refresh",
                        false,
                        Instant.parse("2022-02-10T17:00:00Z")));
    }

    @Test
    void correctionNeedsAReason() {
        at("2022-02-10T17:00:00Z")
                .given(approvedPlan())
                .andGiven(q1("61.2", "Steady", false, 0, "2022-01-20T17:00:00Z"))
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q1, new BigDecimal("61.9"), "Refreshed", null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("correction-needs-reason", 1));
    }

    @Test
    void cannotRecordProgressOfAnotherAgency() {
        at("2022-01-20T17:00:00Z")
                .given(approvedPlan())
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q1, BigDecimal.ONE, "Not mine", null),
                        editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("own-agency-only"));
    }

    @Test
    void finalResultsCloseThePlanAndListMeasurementsMissingQ4() {
        at("2022-10-20T17:00:00Z")
                .given(approvedPlan())
                .when(new SubmitFinalResults(PLAN, "Done"), editorOf("ALAMEDA"))
                .expectEvents(new FinalResultsSubmitted(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        "Done",
                        List.of(ENTRY),
                        Q4_DUE,
                        false,
                        0,
                        Instant.parse("2022-10-20T17:00:00Z")))
                .expectResultMessagePayload(
                        new FinalResultsOutcome(List.of(new MissingQ4Value(ENTRY, 1, "SPM-2", "Measure of " + ENTRY))));
    }

    @Test
    void finalResultsWithEveryQ4ValueListNothingMissing() {
        at("2022-10-20T17:00:00Z")
                .given(approvedPlan())
                .andGiven(q4("64.0", "2022-10-10T17:00:00Z"))
                .when(new SubmitFinalResults(PLAN, "Done"), editorOf("ALAMEDA"))
                .expectEvents(CLOSED)
                .expectResultMessagePayload(new FinalResultsOutcome(List.of()));
    }

    @Test
    void cannotSubmitFinalResultsBeforeQ4Begins() {
        at("2022-06-20T17:00:00Z")
                .given(approvedPlan())
                .when(new SubmitFinalResults(PLAN, "Early"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("final-results-once-q4-begins"));
    }

    @Test
    void cannotSubmitFinalResultsOfAPlanNotApproved() {
        at("2022-10-20T17:00:00Z")
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(new SubmitFinalResults(PLAN, "Done"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("final-results-of-approved-plan"));
    }

    @Test
    void agencyCannotCorrectAClosedPlan() {
        at("2022-11-20T17:00:00Z")
                .given(approvedPlan())
                .andGiven(q4("64.0", "2022-10-10T17:00:00Z"), CLOSED)
                .when(
                        new RecordQuarterlyProgress(
                                PLAN, ENTRY, Quarter.Q4, new BigDecimal("64.5"), "Late data", "CDR"),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("closed-plan-corrected-by-state-admin-only"));
    }

    @Test
    void stateAdminCorrectsAClosedPlanWithAReasonFlaggedAfterClose() {
        at("2022-11-20T17:00:00Z")
                .given(approvedPlan())
                .andGiven(q4("64.0", "2022-10-10T17:00:00Z"), CLOSED)
                .when(
                        new RecordQuarterlyProgress(
                                PLAN, ENTRY, Quarter.Q4, new BigDecimal("64.5"), "Audited", "OCSE-157 audit"),
                        stateAdmin())
                .expectEvents(new QuarterlyProgressRecorded(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        ENTRY,
                        "SPM-2",
                        Quarter.Q4,
                        new BigDecimal("64.5"),
                        "Audited",
                        Q4_DUE,
                        true,
                        20,
                        true,
                        new BigDecimal("64.0"),
                        "Year end",
                        "OCSE-157 audit",
                        true,
                        Instant.parse("2022-11-20T17:00:00Z")));
    }

    @Test
    void stateAdminCorrectionAfterCloseNeedsAReason() {
        at("2022-11-20T17:00:00Z")
                .given(approvedPlan())
                .andGiven(q4("64.0", "2022-10-10T17:00:00Z"), CLOSED)
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q4, new BigDecimal("64.5"), "Audited", null),
                        stateAdmin())
                .expectNoEvents()
                .expectException(refused("after-close-correction-needs-reason", 1));
    }

    @Test
    void cannotRecordAPercentageAbove1000() {
        at("2022-01-20T17:00:00Z")
                .given(approvedPlan())
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q1, new BigDecimal("1e200"), "Typo", null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("value-fits-its-unit", 1));
    }

    @Test
    void cannotRecordANegativePercentage() {
        at("2022-01-20T17:00:00Z")
                .given(approvedPlan())
                .when(
                        new RecordQuarterlyProgress(PLAN, ENTRY, Quarter.Q1, new BigDecimal("-0.5"), "Typo", null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("value-fits-its-unit", 1));
    }
}

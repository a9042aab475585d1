package org.pmpledger.command.entry;

import static org.pmpledger.command.plan.PlanFixtures.ENTRY;
import static org.pmpledger.command.plan.PlanFixtures.PLAN;
import static org.pmpledger.command.plan.PlanFixtures.approvedPlan;
import static org.pmpledger.command.plan.PlanFixtures.drafted;
import static org.pmpledger.command.plan.PlanFixtures.editorOf;
import static org.pmpledger.command.plan.PlanFixtures.entry;
import static org.pmpledger.command.plan.PlanFixtures.planFixture;
import static org.pmpledger.command.plan.PlanFixtures.refused;
import static org.pmpledger.command.plan.PlanFixtures.submitted;
import static org.pmpledger.command.plan.PlanFixtures.tactic;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.plan.Plan;
import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEntryRemoved;
import org.pmpledger.events.plan.TacticWithdrawn;

/** Plan entries refer only to their cycle; revisions and removals say why; approved plans record amendments. */
class PlanEntryTest {

    private static final String NOW = "2021-08-30T17:00:00Z";
    private static final Measurement SPM_2 =
            new Measurement("SPM-2", "Current support collected", null, new BigDecimal("61.5"), new BigDecimal("63.0"));

    private static AggregateTestFixture<Plan> fixture() {
        return planFixture(NOW);
    }

    private static PlanEntryAdded added(
            String entryId,
            int goal,
            Integer objective,
            String objectiveText,
            String initiative,
            Measurement measurement,
            boolean amendment) {
        return new PlanEntryAdded(
                PLAN,
                2022,
                "ALAMEDA",
                entryId,
                goal,
                objective,
                objectiveText,
                null,
                initiative,
                measurement,
                amendment,
                Instant.parse(NOW));
    }

    @Test
    void canAddAnEntryForAnObjectiveAndInitiativeOfTheCycleTakingTheIndicatorsUnit() {
        fixture()
                .given(drafted("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, "e-9", 1, 2, null, null, "1a", SPM_2), editorOf("ALAMEDA"))
                .expectEvents(added(
                        "e-9",
                        1,
                        2,
                        null,
                        "1a",
                        new Measurement(
                                "SPM-2",
                                "Current support collected",
                                MeasureUnit.PERCENT,
                                new BigDecimal("61.5"),
                                new BigDecimal("63.0")),
                        false));
    }

    @Test
    void canNameTheirOwnObjectiveWhereTheCycleListsNone() {
        Measurement other =
                new Measurement(null, "Self-service logins", MeasureUnit.COUNT, null, new BigDecimal("5000"));

        fixture()
                .given(drafted("ALAMEDA"))
                .when(
                        new AddPlanEntry(PLAN, "e-9", 5, null, "Grow the customer portal", null, null, other),
                        editorOf("ALAMEDA"))
                .expectEvents(added("e-9", 5, null, "Grow the customer portal", null, other, false));
    }

    @Test
    void cannotAddAnEntryReferringToCodesOutsideItsCycleAndEveryUnknownCodeIsNamed() {
        Measurement unknownIndicator = new Measurement("SPM-99", "Unknown", null, null, null);

        fixture()
                .given(drafted("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, "e-9", 1, 7, null, null, "9z", unknownIndicator), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-must-fit-its-cycle", 3))
                .expectExceptionMessage(Matchers.containsString("3 problem"));
    }

    @Test
    void cannotAddAnEntryForAGoalOutsideTheCycle() {
        fixture()
                .given(drafted("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, "e-9", 4, 1, null, null, null, SPM_2), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-must-fit-its-cycle", 1));
    }

    @Test
    void cannotAddAnEntryWithoutAnObjectiveWhereTheCycleListsThem() {
        fixture()
                .given(drafted("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, "e-9", 1, null, "Our own", null, null, SPM_2), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-must-fit-its-cycle", 1));
    }

    @Test
    void cannotAddAnEntryWhoseUnitContradictsItsIndicator() {
        Measurement countOfPercent =
                new Measurement("SPM-2", "Current support collected", MeasureUnit.COUNT, null, null);

        fixture()
                .given(drafted("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, "e-9", 1, 1, null, null, null, countOfPercent), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-must-fit-its-cycle", 1));
    }

    @Test
    void cannotAddAnEntryToAnotherAgencysPlan() {
        fixture()
                .given(drafted("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, "e-9", 1, 1, null, null, null, SPM_2), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("own-agency-only"));
    }

    @Test
    void cannotEditEntriesWhileThePlanIsUnderReview() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"), submitted("ALAMEDA", 1))
                .when(new AddPlanEntry(PLAN, "e-9", 1, 1, null, null, null, SPM_2), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("submitted-plan-is-under-review"));
    }

    @Test
    void entryAddedToAnApprovedPlanIsAnAmendment() {
        fixture()
                .given(approvedPlan())
                .when(new AddPlanEntry(PLAN, "e-9", 3, 2, null, null, null, SPM_2), editorOf("ALAMEDA"))
                .expectEvents(new PlanEntryAdded(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        "e-9",
                        3,
                        2,
                        null,
                        null,
                        null,
                        new Measurement(
                                "SPM-2",
                                "Current support collected",
                                MeasureUnit.PERCENT,
                                new BigDecimal("61.5"),
                                new BigDecimal("63.0")),
                        true,
                        Instant.parse(NOW)));
    }

    @Test
    void canReviseATargetKeepingThePreviousValues() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(
                        new ReviseMeasurement(PLAN, ENTRY, null, new BigDecimal("66.0"), "RA asked for a stretch"),
                        editorOf("ALAMEDA"))
                .expectEvents(new MeasurementRevised(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        ENTRY,
                        new BigDecimal("60.0"),
                        new BigDecimal("66.0"),
                        new BigDecimal("60.0"),
                        new BigDecimal("65.0"),
                        "RA asked for a stretch",
                        false,
                        Instant.parse(NOW)));
    }

    @Test
    void cannotReviseAMeasurementWithoutAReason() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(new ReviseMeasurement(PLAN, ENTRY, null, new BigDecimal("66.0"), " "), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("measurement-revision-needs-reason", 1));
    }

    @Test
    void cannotReviseAMeasurementToTheSameValues() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(
                        new ReviseMeasurement(PLAN, ENTRY, new BigDecimal("60"), new BigDecimal("65.00"), "same"),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("revision-changes-something"));
    }

    @Test
    void cannotReviseAnEntryThePlanDoesNotHave() {
        fixture()
                .given(drafted("ALAMEDA"))
                .when(new ReviseMeasurement(PLAN, "nope", null, BigDecimal.TEN, "why"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-not-found"));
    }

    @Test
    void canRemoveAnEntryWhoseTacticsAreWithdrawn() {
        fixture()
                .given(
                        drafted("ALAMEDA"),
                        entry("ALAMEDA"),
                        tactic("ALAMEDA", "t-1", ENTRY, null),
                        new TacticWithdrawn(PLAN, 2022, "ALAMEDA", "t-1", "dropped", false, Instant.parse(NOW)))
                .when(new RemovePlanEntry(PLAN, ENTRY, "merged into another entry"), editorOf("ALAMEDA"))
                .expectEvents(new PlanEntryRemoved(
                        PLAN, 2022, "ALAMEDA", ENTRY, "merged into another entry", false, Instant.parse(NOW)));
    }

    @Test
    void cannotRemoveAnEntryWithActiveTactics() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"), tactic("ALAMEDA", "t-1", ENTRY, null))
                .when(new RemovePlanEntry(PLAN, ENTRY, "merged"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-with-active-tactics-stays"));
    }

    @Test
    void cannotRemoveAnEntryTwice() {
        fixture()
                .given(
                        drafted("ALAMEDA"),
                        entry("ALAMEDA"),
                        new PlanEntryRemoved(PLAN, 2022, "ALAMEDA", ENTRY, "merged", false, Instant.parse(NOW)))
                .when(new RemovePlanEntry(PLAN, ENTRY, "again"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("removed-entry-changes-no-more"));
    }

    @Test
    void cannotAddAnEntryUnderAnIdThePlanHoldsAlready() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, ENTRY, 1, 2, null, null, "1a", SPM_2), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-exists-already"));
    }

    @Test
    void cannotAddMoreEntriesThanOnePlanHolds() {
        Object[] full = new Object[PlanState.MAX_ENTRIES + 1];
        full[0] = drafted("ALAMEDA");
        for (int i = 1; i <= PlanState.MAX_ENTRIES; i++) {
            full[i] = entry("ALAMEDA", "e-" + i, 1, 1, "1", "SPM-2", "65.0");
        }

        fixture()
                .given(full)
                .when(new AddPlanEntry(PLAN, "e-one-more", 1, 2, null, null, "1a", SPM_2), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("plan-holds-at-most-100-entries"));
    }

    @Test
    void cannotAddAnEntryWhoseBaselineOrTargetIsNoValueOfItsUnit() {
        Measurement beyond = new Measurement(
                "SPM-2", "Current support collected", null, new BigDecimal("-1"), new BigDecimal("100000"));

        fixture()
                .given(drafted("ALAMEDA"))
                .when(new AddPlanEntry(PLAN, "e-9", 1, 2, null, null, "1a", beyond), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-must-fit-its-cycle", 2));
    }

    @Test
    void countIsAWholeNumber() {
        Measurement fraction =
                new Measurement(null, "Self-service logins", MeasureUnit.COUNT, null, new BigDecimal("5000.5"));

        fixture()
                .given(drafted("ALAMEDA"))
                .when(
                        new AddPlanEntry(PLAN, "e-9", 5, null, "Grow the customer portal", null, null, fraction),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("entry-must-fit-its-cycle", 1));
    }

    @Test
    void cannotReviseAMeasurementToAValueOutsideItsUnit() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(new ReviseMeasurement(PLAN, ENTRY, null, new BigDecimal("1000.5"), "Typo"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("value-fits-its-unit", 1));
    }
}

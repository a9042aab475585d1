package org.pmpledger.command.cycle;

import static org.hamcrest.Matchers.containsString;
import static org.pmpledger.command.plan.PlanFixtures.refused;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.access.CommandAuthorization;
import org.pmpledger.command.plan.PlanFixtures;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.cycle.AgencyCaseloadsRecorded;
import org.pmpledger.events.cycle.AgencyCaseloadsRecorded.AgencyCaseload;
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
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** The rules of opening a planning cycle. */
class PlanningCycleTest {

    private static final Instant NOW = Instant.parse("2021-08-04T16:00:00Z");
    private static final QuarterDueDates LETTER_21_04 = new QuarterDueDates(
            LocalDate.parse("2022-01-31"),
            LocalDate.parse("2022-05-02"),
            LocalDate.parse("2022-08-01"),
            LocalDate.parse("2022-10-31"));
    private static final List<StrategicGoal> GOALS = List.of(new StrategicGoal(
            1,
            "Facilitate Consistent Support for Children",
            List.of(new Objective(1, "Increase collections"), new Objective(2, "Individualized services"))));
    private static final List<KeyInitiative> INITIATIVES = List.of(
            new KeyInitiative(
                    "1",
                    "Improve Service Delivery",
                    InitiativeRequirement.ALL,
                    null,
                    null,
                    List.of(new SubInitiative("1a", "Debt Reduction Program reviews"))),
            new KeyInitiative(
                    "4",
                    "Paternity Establishment",
                    InitiativeRequirement.BELOW_PATERNITY_THRESHOLD,
                    BigDecimal.valueOf(90),
                    "SPM-7",
                    List.of()));
    private static final List<PracticeIndicator> INDICATORS = List.of(
            new PracticeIndicator(
                    "SPM-2", "Collections on current support", MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER),
            new PracticeIndicator("SPM-7", "Paternity establishment", MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER));
    private static final PlanningCycleOpened OPENED = new PlanningCycleOpened(
            "cycle-2022",
            2022,
            LocalDate.parse("2021-09-15"),
            LETTER_21_04,
            GOALS,
            INITIATIVES,
            INDICATORS,
            List.of(SubmissionRule.REQUIRED_INITIATIVES_COVERED),
            NOW);

    private AggregateTestFixture<PlanningCycle> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PlanningCycle.class);
        fixture.registerCommandHandlerInterceptor(CommandAuthorization.unregistered());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PlanFixtures.AGENCIES);
    }

    private static MetaData as(Role role) {
        return MetaData.from(new Caller("someone", Set.of(role), null, null, "app").toMap());
    }

    private static OpenPlanningCycle ffy2022(
            LocalDate planDue, QuarterDueDates quarters, List<PracticeIndicator> indicators) {
        return ffy2022(planDue, quarters, INITIATIVES, indicators);
    }

    private static OpenPlanningCycle ffy2022(
            LocalDate planDue,
            QuarterDueDates quarters,
            List<KeyInitiative> initiatives,
            List<PracticeIndicator> indicators) {
        return new OpenPlanningCycle(
                "cycle-2022",
                2022,
                planDue,
                quarters,
                GOALS,
                initiatives,
                indicators,
                List.of(SubmissionRule.REQUIRED_INITIATIVES_COVERED));
    }

    /** A refusal naming the field as the contract spells it. */
    private static Matcher<CommandRefused> refusedNaming(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefused refusal) {
                return refusal.problems().stream().anyMatch(p -> p.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal naming " + field);
            }
        };
    }

    /** Key initiative 4, required below 90 % on the indicator named (none: null). */
    private static KeyInitiative paternityMeasuredBy(String indicator) {
        return new KeyInitiative(
                "4",
                "Paternity Establishment",
                InitiativeRequirement.BELOW_PATERNITY_THRESHOLD,
                BigDecimal.valueOf(90),
                indicator,
                List.of());
    }

    private static RecordAgencyIndicatorValues paternity(String... lcsas) {
        return new RecordAgencyIndicatorValues(
                "cycle-2022",
                "SPM-7",
                Arrays.stream(lcsas)
                        .map(lcsa -> new AgencyValue(lcsa, new BigDecimal("88.5"), LocalDate.parse("2021-09-30")))
                        .toList());
    }

    @Test
    void canOpenTheFfy2022CycleOfLetter2104() {
        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, INDICATORS), as(Role.STATE_ADMIN))
                .expectEvents(OPENED);
    }

    @Test
    void canOpenACycleWithoutQuarterlyDueDatesLikeFfy2017() {
        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-10-15"), null, INDICATORS), as(Role.STATE_ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAStateAdminOpensACycle() {
        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, INDICATORS), as(Role.LCSA_EDITOR))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void cannotOpenACycleWhoseQuarterIsDueBeforeItEnds() {
        QuarterDueDates q2DueInMarch = new QuarterDueDates(
                LETTER_21_04.q1(), LocalDate.parse("2022-03-15"), LETTER_21_04.q3(), LETTER_21_04.q4());

        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), q2DueInMarch, INDICATORS), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refusedNaming("quarterDueDates.Q2"));
    }

    @Test
    void cannotOpenACycleWhosePlanIsDueAfterTheFirstUpdate() {
        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2022-02-15"), LETTER_21_04, INDICATORS), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void cannotOpenACycleWithAnIndicatorCodeTwice() {
        List<PracticeIndicator> twice = List.of(INDICATORS.getFirst(), INDICATORS.getFirst(), INDICATORS.get(1));

        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, twice), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(containsString("1 problem"));
    }

    @Test
    void cannotOpenACycleWhosePaternityInitiativeNamesNoIndicatorOfTheCycle() {
        List<KeyInitiative> unknownIndicator = List.of(paternityMeasuredBy("CDR-1.1"));

        fixture.givenNoPriorActivity()
                .when(
                        ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, unknownIndicator, INDICATORS),
                        as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refused("cycle-must-be-consistent", 1))
                .expectExceptionMessage(containsString("1 problem"));
    }

    @Test
    void aPaternityInitiativeThatNamesNoIndicatorIsMeasuredByTheCyclesPaternityIndicator() {
        List<KeyInitiative> asTheContractWritesIt = List.of(INITIATIVES.getFirst(), paternityMeasuredBy(null));

        fixture.givenNoPriorActivity()
                .when(
                        ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, asTheContractWritesIt, INDICATORS),
                        as(Role.STATE_ADMIN))
                .expectEvents(OPENED);
    }

    @Test
    void cannotOpenACycleWhosePaternityInitiativeNamesNoIndicatorAndNoIndicatorMeasuresPaternity() {
        List<KeyInitiative> noIndicator = List.of(paternityMeasuredBy(null));

        fixture.givenNoPriorActivity()
                .when(
                        ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, noIndicator, INDICATORS.subList(0, 1)),
                        as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refused("cycle-must-be-consistent", 1))
                .expectExceptionMessage(containsString("1 problem"));
    }

    @Test
    void cannotOpenACycleWhoseSubInitiativeReusesAnInitiativeCode() {
        List<KeyInitiative> clash = List.of(
                new KeyInitiative(
                        "1",
                        "Improve Service Delivery",
                        InitiativeRequirement.ALL,
                        null,
                        null,
                        List.of(new SubInitiative("2", "Clashing sub-initiative"))),
                new KeyInitiative("2", "Enhance Partnerships", InitiativeRequirement.ALL, null, null, List.of()));

        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, clash, INDICATORS), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refused("cycle-must-be-consistent", 1));
    }

    @Test
    void canRecordAgencyPaternityValues() {
        fixture.given(OPENED)
                .when(paternity("KERN", "FRESNO"), as(Role.STATE_ADMIN))
                .expectEvents(new AgencyIndicatorValuesRecorded(
                        "cycle-2022", 2022, "SPM-7", paternity("KERN", "FRESNO").values(), NOW));
    }

    @Test
    void onlyAStateAdminRecordsAgencyValues() {
        fixture.given(OPENED)
                .when(paternity("KERN"), as(Role.ANALYST))
                .expectNoEvents()
                .expectException(refused("state-admin-records-agency-values"));
    }

    @Test
    void cannotRecordValuesOfAnIndicatorOutsideTheCycleOrOfUnknownOrRepeatedAgencies() {
        RecordAgencyIndicatorValues wrong = new RecordAgencyIndicatorValues(
                "cycle-2022",
                "CDR-9",
                List.of(
                        new AgencyValue("KERN", BigDecimal.ONE, LocalDate.parse("2021-09-30")),
                        new AgencyValue("KERN", BigDecimal.ONE, LocalDate.parse("2021-09-30")),
                        new AgencyValue("ATLANTIS", BigDecimal.ONE, LocalDate.parse("2021-09-30"))));

        fixture.given(OPENED)
                .when(wrong, as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refused("agency-values-name-known-indicator-and-agencies", 3));
    }

    @Test
    void cannotOpenACycleWhoseDueDatesLieYearsFromItsFfy() {
        QuarterDueDates farOff = new QuarterDueDates(
                LocalDate.parse("2022-01-31"),
                LocalDate.parse("2022-05-02"),
                LocalDate.parse("2022-08-01"),
                LocalDate.parse("2031-10-31"));

        fixture.given()
                .when(ffy2022(LocalDate.parse("2011-09-15"), farOff, INDICATORS), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refused("cycle-must-be-consistent", 2));
    }

    @Test
    void cannotRecordAnAgencyValueOutsideItsIndicatorsUnitOrMeasuredYearsAway() {
        RecordAgencyIndicatorValues wrong = new RecordAgencyIndicatorValues(
                "cycle-2022",
                "SPM-7",
                List.of(
                        new AgencyValue("KERN", new BigDecimal("1500"), LocalDate.parse("2021-09-30")),
                        new AgencyValue("FRESNO", new BigDecimal("-3"), LocalDate.parse("2021-09-30")),
                        new AgencyValue("ALAMEDA", new BigDecimal("88.5"), LocalDate.parse("2009-09-30"))));

        fixture.given(OPENED)
                .when(wrong, as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refused("agency-values-name-known-indicator-and-agencies", 3));
    }

    @Test
    void aPaternityPercentageAbove100IsAValueOfItsUnit() {
        RecordAgencyIndicatorValues above = new RecordAgencyIndicatorValues(
                "cycle-2022",
                "SPM-7",
                List.of(new AgencyValue("KERN", new BigDecimal("101.5"), LocalDate.parse("2021-09-30"))));

        fixture.given(OPENED)
                .when(above, as(Role.STATE_ADMIN))
                .expectEvents(new AgencyIndicatorValuesRecorded("cycle-2022", 2022, "SPM-7", above.values(), NOW));
    }

    private static RecordAgencyCaseloads caseloads(String... lcsas) {
        return new RecordAgencyCaseloads(
                "cycle-2022",
                Arrays.stream(lcsas)
                        .map(lcsa -> new AgencyCaseload(lcsa, 12_000, LocalDate.parse("2021-09-30")))
                        .toList());
    }

    @Test
    void stateAdminRecordsAgenciesCaseloads() {
        fixture.given(OPENED)
                .when(caseloads("KERN", "FRESNO"), as(Role.STATE_ADMIN))
                .expectEvents(new AgencyCaseloadsRecorded(
                        "cycle-2022", 2022, caseloads("KERN", "FRESNO").caseloads(), NOW));
    }

    @Test
    void onlyStateAdminRecordsCaseloads() {
        fixture.given(OPENED)
                .when(caseloads("KERN"), as(Role.ANALYST))
                .expectNoEvents()
                .expectException(refused("state-admin-records-caseloads"));
    }

    @Test
    void caseloadsNameKnownAgencies() {
        fixture.given(OPENED)
                .when(caseloads("KERN", "ATLANTIS"), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refusedNaming("caseloads[1].lcsa"));
    }

    @Test
    void caseloadsNameEachAgencyOnce() {
        fixture.given(OPENED)
                .when(caseloads("KERN", "KERN"), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refused("caseloads-name-known-agencies", 1));
    }

    @Test
    void aCaseloadCountsNoLaterThanTheCyclesLastDay() {
        fixture.given(OPENED)
                .when(
                        new RecordAgencyCaseloads(
                                "cycle-2022",
                                List.of(new AgencyCaseload("KERN", 12_000, LocalDate.parse("2022-10-15")))),
                        as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refusedNaming("caseloads[0].asOf"));
    }

    @Test
    void anIndicatorsMinimumFitsItsUnit() {
        fixture.givenNoPriorActivity()
                .when(
                        ffy2022(
                                LocalDate.parse("2021-09-15"),
                                LETTER_21_04,
                                List.of(new PracticeIndicator(
                                        "SPM-2",
                                        "Current support",
                                        MeasureUnit.PERCENT,
                                        Direction.HIGHER_IS_BETTER,
                                        new BigDecimal("-5")))),
                        as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refusedNaming("indicators[0].minimum"));
    }

    @Test
    void onlyAnIndicatorWhereHigherIsBetterHasAMinimum() {
        fixture.givenNoPriorActivity()
                .when(
                        ffy2022(
                                LocalDate.parse("2021-09-15"),
                                LETTER_21_04,
                                List.of(new PracticeIndicator(
                                        "DAYS-1",
                                        "Days to order",
                                        MeasureUnit.COUNT,
                                        Direction.LOWER_IS_BETTER,
                                        new BigDecimal("30")))),
                        as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(refusedNaming("indicators[0].minimum"));
    }
}

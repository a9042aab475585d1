package org.pmpledger.command.cycle;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.Direction;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.Objective;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** The rules of opening a planning cycle. */
class PlanningCycleTest {

    private static final Instant NOW = Instant.parse("2021-08-04T16:00:00Z");
    private static final QuarterDueDates LETTER_21_04 = new QuarterDueDates(LocalDate.parse("2022-01-31"),
            LocalDate.parse("2022-05-02"), LocalDate.parse("2022-08-01"), LocalDate.parse("2022-10-31"));
    private static final List<StrategicGoal> GOALS = List.of(new StrategicGoal(1, "Facilitate Consistent Support for Children",
            List.of(new Objective(1, "Increase collections"), new Objective(2, "Individualized services"))));
    private static final List<KeyInitiative> INITIATIVES = List.of(
            new KeyInitiative("1", "Improve Service Delivery", InitiativeRequirement.ALL, null, List.of()),
            new KeyInitiative("4", "Paternity Establishment", InitiativeRequirement.BELOW_PATERNITY_THRESHOLD,
                    BigDecimal.valueOf(90), List.of()));
    private static final List<PracticeIndicator> INDICATORS = List.of(
            new PracticeIndicator("SPM-2", "Collections on current support", MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER));

    private AggregateTestFixture<PlanningCycle> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PlanningCycle.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData as(Role role) {
        return MetaData.from(new Caller("someone", Set.of(role), null, null, "app").toMap());
    }

    private static OpenPlanningCycle ffy2022(LocalDate planDue, QuarterDueDates quarters, List<PracticeIndicator> indicators) {
        return new OpenPlanningCycle("cycle-2022", 2022, planDue, quarters, GOALS, INITIATIVES, indicators,
                List.of(SubmissionRule.REQUIRED_INITIATIVES_COVERED));
    }

    @Test
    void canOpenTheFfy2022CycleOfLetter2104() {
        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, INDICATORS), as(Role.STATE_ADMIN))
                .expectEvents(new PlanningCycleOpened("cycle-2022", 2022, LocalDate.parse("2021-09-15"), LETTER_21_04,
                        GOALS, INITIATIVES, INDICATORS, List.of(SubmissionRule.REQUIRED_INITIATIVES_COVERED), NOW));
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
        QuarterDueDates q2DueInMarch = new QuarterDueDates(LETTER_21_04.q1(), LocalDate.parse("2022-03-15"),
                LETTER_21_04.q3(), LETTER_21_04.q4());

        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), q2DueInMarch, INDICATORS), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(CommandRefused.class);
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
        List<PracticeIndicator> twice = List.of(INDICATORS.getFirst(), INDICATORS.getFirst());

        fixture.givenNoPriorActivity()
                .when(ffy2022(LocalDate.parse("2021-09-15"), LETTER_21_04, twice), as(Role.STATE_ADMIN))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(containsString("1 problem"));
    }
}

package org.pmpledger.command.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import org.pmpledger.command.access.CommandAuthorization;
import org.pmpledger.command.agency.Agencies;
import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.PlanningCycles;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
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
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/**
 * The world plan fixture tests decide in: the FFY 2022 cycle (CSSP 21-04, abridged) and the FFY 2017
 * cycle, agencies with their regions, the events of a plan's usual life, and callers.
 */
public final class PlanFixtures {

    public static final String PLAN = "plan-1";
    public static final String ENTRY = "entry-1";
    public static final String TACTIC = "tactic-1";
    public static final LocalDate DUE_2022 = LocalDate.parse("2021-09-15");

    /** FFY 2022: initiatives 1–2 for all, 4 below 90% paternity establishment (SPM-7); goal 5 lists no objectives. */
    public static final CycleTerms FFY_2022 = new CycleTerms(
            2022,
            DUE_2022,
            new QuarterDueDates(
                    LocalDate.parse("2022-01-31"),
                    LocalDate.parse("2022-05-02"),
                    LocalDate.parse("2022-08-01"),
                    LocalDate.parse("2022-10-31")),
            List.of(
                    new StrategicGoal(
                            1,
                            "Facilitate Consistent Support for Children",
                            List.of(
                                    new Objective(1, "Increase collections"),
                                    new Objective(2, "Individualized services"))),
                    new StrategicGoal(
                            3,
                            "Enhance Program Performance",
                            List.of(new Objective(1, "Consistency"), new Objective(2, "Efficiencies"))),
                    new StrategicGoal(5, "Foster Innovation and Improve Service Delivery", List.of())),
            List.of(
                    new KeyInitiative(
                            "1",
                            "Improve Service Delivery",
                            InitiativeRequirement.ALL,
                            null,
                            null,
                            List.of(
                                    new SubInitiative("1a", "Debt Reduction Program reviews"),
                                    new SubInitiative("1b", "Newly established cases"))),
                    new KeyInitiative("2", "Enhance Partnerships", InitiativeRequirement.ALL, null, null, List.of()),
                    new KeyInitiative(
                            "4",
                            "Paternity Establishment",
                            InitiativeRequirement.BELOW_PATERNITY_THRESHOLD,
                            new BigDecimal("90"),
                            "SPM-7",
                            List.of())),
            List.of(
                    new PracticeIndicator(
                            "SPM-2", "Current support collected", MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER),
                    new PracticeIndicator(
                            "SPM-7", "Paternity establishment", MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER),
                    new PracticeIndicator(
                            "SPM-9", "Collections per dollar expended", MeasureUnit.RATIO, Direction.HIGHER_IS_BETTER)),
            List.of(SubmissionRule.REQUIRED_INITIATIVES_COVERED),
            Map.of("SPM-7", Map.of("ALAMEDA", new BigDecimal("93.1"), "KERN", new BigDecimal("86.4"))));

    /** FFY 2017: every Strategic Plan goal addressed, a measurable target; no quarterly due dates. */
    public static final CycleTerms FFY_2017 = new CycleTerms(
            2017,
            LocalDate.parse("2016-10-15"),
            null,
            List.of(
                    new StrategicGoal(1, "Increase support for California's children", List.of()),
                    new StrategicGoal(2, "Deliver excellent and consistent customer services statewide", List.of())),
            List.of(),
            List.of(new PracticeIndicator(
                    "PI-1", "Collections on current support", MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER)),
            List.of(SubmissionRule.EVERY_GOAL_ADDRESSED, SubmissionRule.MEASURABLE_TARGET_REQUIRED),
            Map.of());

    public static final PlanningCycles CYCLES = ffy -> switch (ffy) {
        case 2022 -> FFY_2022;
        case 2017 -> FFY_2017;
        default ->
            throw CommandRefused.rule(
                    "cycle-must-be-open",
                    "No planning cycle is open for FFY " + ffy + ".",
                    new FieldProblem("ffy", "has no open planning cycle"));
    };

    public static final Agencies AGENCIES = lcsa -> Optional.ofNullable(
            Map.of("ALAMEDA", "Northern", "FRESNO", "Northern", "KERN", "Southern", "SAN_DIEGO", "Southern")
                    .get(lcsa));

    private PlanFixtures() {}

    /** A refusal of the given rule (kebab-case, as in the problem's type). */
    public static Matcher<CommandRefused> refused(String rule) {
        return refused(rule, -1);
    }

    /** A refusal of the given rule listing exactly that many field problems (-1: any number). */
    public static Matcher<CommandRefused> refused(String rule, int problems) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefused refusal) {
                return refusal.rule().equals(rule)
                        && (problems < 0 || refusal.problems().size() == problems);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + rule + (problems < 0 ? "" : " with " + problems + " problem(s)"));
            }

            @Override
            protected void describeMismatchSafely(CommandRefused refusal, Description mismatch) {
                mismatch.appendText("was " + refusal.rule() + " " + refusal.problems() + ": " + refusal.getMessage());
            }
        };
    }

    /** A plan fixture with the cycles, agencies and "now" injected. */
    public static AggregateTestFixture<Plan> planFixture(String now) {
        AggregateTestFixture<Plan> fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerCommandHandlerInterceptor(CommandAuthorization.unregistered());
        fixture.registerInjectableResource(CYCLES);
        fixture.registerInjectableResource(AGENCIES);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        return fixture;
    }

    public static MetaData as(Role role, String lcsa) {
        return MetaData.from(new Caller("someone", Set.of(role), lcsa, null, "app").toMap());
    }

    /** An upstream app acting for every agency: SERVICE with {@code lcsa: "*"} plus STATE_ADMIN. */
    public static MetaData statewideService() {
        return MetaData.from(
                new Caller("statewide-feed", Set.of(Role.SERVICE, Role.STATE_ADMIN), Caller.ANY_AGENCY, null, "feed")
                        .toMap());
    }

    public static MetaData editorOf(String lcsa) {
        return as(Role.LCSA_EDITOR, lcsa);
    }

    public static MetaData regionalAdminOf(String region) {
        return MetaData.from(new Caller("ra@" + region, Set.of(Role.REGIONAL_ADMIN), null, region, "app").toMap());
    }

    public static MetaData stateAdmin() {
        return as(Role.STATE_ADMIN, null);
    }

    public static PlanDrafted drafted(String lcsa) {
        return new PlanDrafted(PLAN, 2022, lcsa, lcsa + " PMP", Instant.parse("2021-08-20T17:30:00Z"));
    }

    public static PlanDrafted drafted2017(String lcsa) {
        return new PlanDrafted(PLAN, 2017, lcsa, lcsa + " PMP", Instant.parse("2016-09-20T17:30:00Z"));
    }

    public static PlanEntryAdded entry(
            String lcsa,
            String entryId,
            int goal,
            Integer objective,
            String initiative,
            String indicator,
            String target) {
        return new PlanEntryAdded(
                PLAN,
                2022,
                lcsa,
                entryId,
                goal,
                objective,
                null,
                null,
                initiative,
                new Measurement(
                        indicator,
                        "Measure of " + entryId,
                        indicator == null ? null : MeasureUnit.PERCENT,
                        new BigDecimal("60.0"),
                        target == null ? null : new BigDecimal(target)),
                false,
                Instant.parse("2021-08-25T17:30:00Z"));
    }

    /** An entry for goal 1 objective 1 serving initiative 1 on SPM-2, baseline 60.0, target 65.0. */
    public static PlanEntryAdded entry(String lcsa) {
        return entry(lcsa, ENTRY, 1, 1, "1", "SPM-2", "65.0");
    }

    public static TacticAdded tactic(String lcsa, String tacticId, String entryId, String initiative) {
        return new TacticAdded(
                PLAN,
                2022,
                lcsa,
                tacticId,
                entryId,
                "Tactic " + tacticId,
                List.of("Supervisor"),
                "What we do",
                LocalDate.parse("2022-06-30"),
                initiative,
                false,
                Instant.parse("2021-08-26T17:30:00Z"));
    }

    public static PlanSubmitted submitted(String lcsa, int submission) {
        return new PlanSubmitted(
                PLAN, 2022, lcsa, submission, DUE_2022, false, 0, Instant.parse("2021-09-10T17:30:00Z"));
    }

    public static PlanApproved approved(String lcsa) {
        return new PlanApproved(
                PLAN,
                2022,
                lcsa,
                1,
                "ra@" + AGENCIES.regionOf(lcsa).orElseThrow(),
                AGENCIES.regionOf(lcsa).orElseThrow(),
                null,
                Instant.parse("2021-09-20T17:30:00Z"));
    }

    /** The events of an ALAMEDA plan approved with one entry (initiative 1) and a tactic (initiative 2). */
    public static Object[] approvedPlan() {
        return new Object[] {
            drafted("ALAMEDA"),
            entry("ALAMEDA"),
            tactic("ALAMEDA", TACTIC, ENTRY, "2"),
            submitted("ALAMEDA", 1),
            approved("ALAMEDA")
        };
    }
}

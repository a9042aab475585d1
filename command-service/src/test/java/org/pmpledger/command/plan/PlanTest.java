package org.pmpledger.command.plan;

import static org.hamcrest.Matchers.containsString;
import static org.pmpledger.command.plan.PlanFixtures.DUE_2022;
import static org.pmpledger.command.plan.PlanFixtures.ENTRY;
import static org.pmpledger.command.plan.PlanFixtures.PLAN;
import static org.pmpledger.command.plan.PlanFixtures.as;
import static org.pmpledger.command.plan.PlanFixtures.drafted;
import static org.pmpledger.command.plan.PlanFixtures.drafted2017;
import static org.pmpledger.command.plan.PlanFixtures.editorOf;
import static org.pmpledger.command.plan.PlanFixtures.entry;
import static org.pmpledger.command.plan.PlanFixtures.planFixture;
import static org.pmpledger.command.plan.PlanFixtures.refused;
import static org.pmpledger.command.plan.PlanFixtures.submitted;
import static org.pmpledger.command.plan.PlanFixtures.tactic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.TacticWithdrawn;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** SubmitPlan: who may, when, the cycle's submission rules (all missing items at once), lateness, If-Match. */
class PlanTest {

    /** ALAMEDA (paternity 93.1%: initiative 4 not required) covering initiative 1 by an entry and 2 by a tactic. */
    private static final Object[] READY = {drafted("ALAMEDA"), entry("ALAMEDA"), tactic("ALAMEDA", "t-1", ENTRY, "2")};

    private static AggregateTestFixture<Plan> at(String now) {
        return planFixture(now);
    }

    @Test
    void canSubmitOnTheDueDateInCalifornia() {
        at("2021-09-16T06:59:00Z") // 23:59 on the 15th in Sacramento
                .given(READY)
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectEvents(new PlanSubmitted(
                        PLAN, 2022, "ALAMEDA", 1, DUE_2022, false, 0, Instant.parse("2021-09-16T06:59:00Z")));
    }

    @Test
    void lateSubmissionIsAcceptedAndRecordedAsLate() {
        at("2021-09-17T18:05:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectEvents(new PlanSubmitted(
                        PLAN, 2022, "ALAMEDA", 1, DUE_2022, true, 2, Instant.parse("2021-09-17T18:05:00Z")));
    }

    @Test
    void serviceAppForEveryAgencyCanSubmit() {
        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), PlanFixtures.statewideService())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void statewideServiceWithoutStateAdminCannotSubmit() {
        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), as(Role.SERVICE, Caller.ANY_AGENCY))
                .expectNoEvents()
                .expectException(refused("own-agency-only"));
    }

    @Test
    void serviceAppOfTheAgencyCanSubmit() {
        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), as(Role.SERVICE, "ALAMEDA"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotSubmitAnotherAgencysPlan() {
        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), editorOf("FRESNO"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(containsString("ALAMEDA"));
    }

    @Test
    void analystCannotSubmit() {
        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), as(Role.ANALYST, null))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void cannotSubmitASubmittedPlan() {
        at("2021-09-10T18:00:00Z")
                .given(READY)
                .andGiven(submitted("ALAMEDA", 1))
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(containsString("SUBMITTED"));
    }

    @Test
    void canResubmitAReturnedPlanAsItsSecondSubmission() {
        at("2021-09-28T18:00:00Z")
                .given(READY)
                .andGiven(
                        submitted("ALAMEDA", 1),
                        new PlanReturned(
                                PLAN,
                                2022,
                                "ALAMEDA",
                                1,
                                "ra",
                                "Northern",
                                "Add a partnership tactic",
                                Instant.parse("2021-09-20T18:00:00Z")))
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectEvents(new PlanSubmitted(
                        PLAN, 2022, "ALAMEDA", 2, DUE_2022, true, 13, Instant.parse("2021-09-28T18:00:00Z")));
    }

    @Test
    void cannotSubmitAPlanWithoutEntries() {
        at("2021-09-10T18:00:00Z")
                .given(drafted("ALAMEDA"))
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(containsString("submission rules"));
    }

    @Test
    void cannotSubmitWithoutEveryRequiredInitiativeAndTheRefusalListsThemAll() {
        // KERN is below the 90% paternity threshold (86.4): initiatives 1, 2 and 4 are required; only 1 is covered
        at("2021-09-10T18:00:00Z")
                .given(drafted("KERN"), entry("KERN"))
                .when(new SubmitPlan(PLAN), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("submission-rules-of-the-cycle", 2))
                .expectExceptionMessage(containsString("2 problem(s)"));
    }

    @Test
    void subInitiativeCoversItsKeyInitiative() {
        at("2021-09-10T18:00:00Z")
                .given(
                        drafted("ALAMEDA"),
                        entry("ALAMEDA", ENTRY, 1, 1, "1b", "SPM-2", "65"),
                        tactic("ALAMEDA", "t-1", ENTRY, "2"))
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void withdrawnTacticCoversNoInitiative() {
        at("2021-09-10T18:00:00Z")
                .given(READY)
                .andGiven(new TacticWithdrawn(
                        PLAN, 2022, "ALAMEDA", "t-1", "dropped", false, Instant.parse("2021-09-01T18:00:00Z")))
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("submission-rules-of-the-cycle", 1));
    }

    @Test
    void ffy2017PlanMustAddressEveryGoalAndMeasureATarget() {
        PlanEntryAdded goal1WithoutTarget = new PlanEntryAdded(
                PLAN,
                2017,
                "ALAMEDA",
                ENTRY,
                1,
                null,
                "Our objective",
                "A strategy",
                null,
                new Measurement(null, "Outreach events", MeasureUnit.COUNT, null, null),
                false,
                Instant.parse("2016-09-25T17:00:00Z"));

        at("2016-10-10T18:00:00Z")
                .given(drafted2017("ALAMEDA"), goal1WithoutTarget)
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(
                        refused("submission-rules-of-the-cycle", 2)); // goal 2 unaddressed, no measurable target
    }

    @Test
    void ffy2017PlanAddressingEveryGoalWithAMeasurableTargetIsSubmitted() {
        PlanEntryAdded goal1 = new PlanEntryAdded(
                PLAN,
                2017,
                "ALAMEDA",
                "e-1",
                1,
                null,
                "Raise collections",
                "Early contact",
                null,
                new Measurement(
                        "PI-1",
                        "Collections on current support",
                        MeasureUnit.PERCENT,
                        new BigDecimal("61.0"),
                        new BigDecimal("63.0")),
                false,
                Instant.parse("2016-09-25T17:00:00Z"));
        PlanEntryAdded goal2 = new PlanEntryAdded(
                PLAN,
                2017,
                "ALAMEDA",
                "e-2",
                2,
                null,
                "Faster answers",
                "Call center",
                null,
                new Measurement(null, "Calls answered in 2 minutes", MeasureUnit.PERCENT, null, null),
                false,
                Instant.parse("2016-09-25T17:00:00Z"));

        at("2016-10-10T18:00:00Z")
                .given(drafted2017("ALAMEDA"), goal1, goal2)
                .when(new SubmitPlan(PLAN), editorOf("ALAMEDA"))
                .expectEvents(new PlanSubmitted(
                        PLAN,
                        2017,
                        "ALAMEDA",
                        1,
                        LocalDate.parse("2016-10-15"),
                        false,
                        0,
                        Instant.parse("2016-10-10T18:00:00Z")));
    }

    @Test
    void cannotChangeAPlanWhoseVersionIsNotTheOneTheClientSaw() {
        MetaData staleVersion = editorOf("ALAMEDA").and(CommandContext.EXPECTED_VERSION, 5L);

        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), staleVersion)
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(containsString("version 3, not 5"));
    }

    @Test
    void aCallerWhoMayNotChangeThePlanIsRefusedAsSuchWhateverVersionItSaw() {
        MetaData otherAgencyStaleVersion = editorOf("KERN").and(CommandContext.EXPECTED_VERSION, 5L);

        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), otherAgencyStaleVersion)
                .expectNoEvents()
                .expectException(refused("own-agency-only"));
    }

    @Test
    void canChangeAPlanAtTheVersionTheClientSaw() {
        MetaData currentVersion = editorOf("ALAMEDA").and(CommandContext.EXPECTED_VERSION, 3L);

        at("2021-09-10T18:00:00Z")
                .given(READY)
                .when(new SubmitPlan(PLAN), currentVersion)
                .expectSuccessfulHandlerExecution();
    }
}

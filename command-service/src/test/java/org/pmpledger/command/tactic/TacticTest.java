package org.pmpledger.command.tactic;

import static org.pmpledger.command.plan.PlanFixtures.ENTRY;
import static org.pmpledger.command.plan.PlanFixtures.PLAN;
import static org.pmpledger.command.plan.PlanFixtures.TACTIC;
import static org.pmpledger.command.plan.PlanFixtures.approvedPlan;
import static org.pmpledger.command.plan.PlanFixtures.drafted;
import static org.pmpledger.command.plan.PlanFixtures.editorOf;
import static org.pmpledger.command.plan.PlanFixtures.entry;
import static org.pmpledger.command.plan.PlanFixtures.planFixture;
import static org.pmpledger.command.plan.PlanFixtures.refused;
import static org.pmpledger.command.plan.PlanFixtures.tactic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.plan.Plan;
import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;

/** Tactics: under an entry, valid status moves, completion dates, withdrawn tactics change no more. */
class TacticTest {

    private static final String NOW = "2022-03-10T17:00:00Z";
    private static final Instant AT = Instant.parse(NOW);
    private static final Object[] WITH_TACTIC = {
        drafted("ALAMEDA"), entry("ALAMEDA"), tactic("ALAMEDA", TACTIC, ENTRY, null)
    };

    private static AggregateTestFixture<Plan> fixture() {
        return planFixture(NOW);
    }

    private static TacticStatusChanged moved(TacticStatus from, TacticStatus to) {
        return new TacticStatusChanged(PLAN, 2022, "ALAMEDA", TACTIC, from, to, null, null, false, AT);
    }

    @Test
    void canAddATacticUnderAnEntryServingAnInitiative() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(
                        new AddTactic(
                                PLAN,
                                "t-9",
                                ENTRY,
                                "Text reminders",
                                List.of("IT lead"),
                                "Pilot",
                                LocalDate.parse("2022-06-30"),
                                "1b"),
                        editorOf("ALAMEDA"))
                .expectEvents(new TacticAdded(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        "t-9",
                        ENTRY,
                        "Text reminders",
                        List.of("IT lead"),
                        "Pilot",
                        LocalDate.parse("2022-06-30"),
                        "1b",
                        false,
                        AT));
    }

    @Test
    void cannotAddATacticUnderAnUnknownEntryOrForAnUnknownInitiative() {
        fixture()
                .given(drafted("ALAMEDA"))
                .when(
                        new AddTactic(
                                PLAN, "t-9", "no-entry", "T", List.of("L"), null, LocalDate.parse("2022-06-30"), "7"),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-must-fit-its-plan", 2));
    }

    @Test
    void tacticAddedToAnApprovedPlanIsAnAmendment() {
        fixture()
                .given(approvedPlan())
                .when(
                        new AddTactic(PLAN, "t-9", ENTRY, "T", List.of("L"), null, LocalDate.parse("2022-06-30"), null),
                        editorOf("ALAMEDA"))
                .expectEvents(new TacticAdded(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        "t-9",
                        ENTRY,
                        "T",
                        List.of("L"),
                        null,
                        LocalDate.parse("2022-06-30"),
                        null,
                        true,
                        AT));
    }

    @Test
    void canReviseATacticNamingWhatChanged() {
        fixture()
                .given(WITH_TACTIC)
                .when(
                        new ReviseTactic(
                                PLAN,
                                TACTIC,
                                null,
                                List.of("Supervisor", "Legal"),
                                null,
                                LocalDate.parse("2022-08-31"),
                                "Legal joined"),
                        editorOf("ALAMEDA"))
                .expectEvents(new TacticRevised(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        TACTIC,
                        "Tactic " + TACTIC,
                        List.of("Supervisor", "Legal"),
                        "What we do",
                        LocalDate.parse("2022-08-31"),
                        List.of("leads", "projectedCompletion"),
                        "Legal joined",
                        false,
                        AT));
    }

    @Test
    void cannotReviseATacticWithoutChangingAnything() {
        fixture()
                .given(WITH_TACTIC)
                .when(
                        new ReviseTactic(PLAN, TACTIC, "Tactic " + TACTIC, null, null, null, "nothing"),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("revision-changes-something"));
    }

    @Test
    void cannotReviseATacticWithoutAReason() {
        fixture()
                .given(WITH_TACTIC)
                .when(new ReviseTactic(PLAN, TACTIC, "New title", null, null, null, null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-revision-needs-reason", 1));
    }

    @Test
    void canStartATactic() {
        fixture()
                .given(WITH_TACTIC)
                .when(new ChangeTacticStatus(PLAN, TACTIC, TacticStatus.IN_PROGRESS, null, null), editorOf("ALAMEDA"))
                .expectEvents(moved(TacticStatus.NOT_STARTED, TacticStatus.IN_PROGRESS));
    }

    @Test
    void canCompleteATacticWithItsActualCompletionDate() {
        fixture()
                .given(WITH_TACTIC)
                .andGiven(moved(TacticStatus.NOT_STARTED, TacticStatus.IN_PROGRESS))
                .when(
                        new ChangeTacticStatus(
                                PLAN, TACTIC, TacticStatus.COMPLETED, LocalDate.parse("2022-03-09"), "done"),
                        editorOf("ALAMEDA"))
                .expectEvents(new TacticStatusChanged(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        TACTIC,
                        TacticStatus.IN_PROGRESS,
                        TacticStatus.COMPLETED,
                        LocalDate.parse("2022-03-09"),
                        "done",
                        false,
                        AT));
    }

    @Test
    void cannotCompleteATacticWithoutItsActualCompletionDate() {
        fixture()
                .given(WITH_TACTIC)
                .when(new ChangeTacticStatus(PLAN, TACTIC, TacticStatus.COMPLETED, null, null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("completion-date-when-completed", 1));
    }

    @Test
    void cannotGiveAnActualCompletionDateToATacticNotCompleted() {
        fixture()
                .given(WITH_TACTIC)
                .when(
                        new ChangeTacticStatus(PLAN, TACTIC, TacticStatus.ON_HOLD, LocalDate.parse("2022-03-01"), null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("completion-date-when-completed", 1));
    }

    @Test
    void cannotCompleteATacticInTheFuture() {
        fixture()
                .given(WITH_TACTIC)
                .when(
                        new ChangeTacticStatus(
                                PLAN, TACTIC, TacticStatus.COMPLETED, LocalDate.parse("2022-03-11"), null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("completion-date-not-in-future", 1));
    }

    @Test
    void cannotMoveAnInProgressTacticBackToNotStarted() {
        fixture()
                .given(WITH_TACTIC)
                .andGiven(moved(TacticStatus.NOT_STARTED, TacticStatus.IN_PROGRESS))
                .when(new ChangeTacticStatus(PLAN, TACTIC, TacticStatus.NOT_STARTED, null, null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-status-transition"));
    }

    @Test
    void cannotSetTheStatusATacticHasAlready() {
        fixture()
                .given(WITH_TACTIC)
                .when(new ChangeTacticStatus(PLAN, TACTIC, TacticStatus.NOT_STARTED, null, null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-status-changes"));
    }

    @Test
    void reopeningACompletedTacticNeedsAComment() {
        fixture()
                .given(WITH_TACTIC)
                .andGiven(new TacticStatusChanged(
                        PLAN,
                        2022,
                        "ALAMEDA",
                        TACTIC,
                        TacticStatus.NOT_STARTED,
                        TacticStatus.COMPLETED,
                        LocalDate.parse("2022-03-01"),
                        null,
                        false,
                        AT))
                .when(new ChangeTacticStatus(PLAN, TACTIC, TacticStatus.IN_PROGRESS, null, null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("reopening-needs-comment", 1));
    }

    @Test
    void canWithdrawATacticWithAReason() {
        fixture()
                .given(WITH_TACTIC)
                .when(new WithdrawTactic(PLAN, TACTIC, "Superseded by the statewide pilot"), editorOf("ALAMEDA"))
                .expectEvents(new TacticWithdrawn(
                        PLAN, 2022, "ALAMEDA", TACTIC, "Superseded by the statewide pilot", false, AT));
    }

    @Test
    void withdrawnTacticChangesNoMore() {
        fixture()
                .given(WITH_TACTIC)
                .andGiven(new TacticWithdrawn(PLAN, 2022, "ALAMEDA", TACTIC, "gone", false, AT))
                .when(new ChangeTacticStatus(PLAN, TACTIC, TacticStatus.IN_PROGRESS, null, null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("withdrawn-tactic-changes-no-more"));
    }

    @Test
    void cannotChangeATacticThePlanDoesNotHave() {
        fixture()
                .given(WITH_TACTIC)
                .when(new WithdrawTactic(PLAN, "t-404", "gone"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-not-found"));
    }

    @Test
    void cannotChangeTacticsOfAClosedPlan() {
        fixture()
                .given(approvedPlan())
                .andGiven(new FinalResultsSubmitted(PLAN, 2022, "ALAMEDA", null, List.of(), null, false, 0, AT))
                .when(new WithdrawTactic(PLAN, TACTIC, "too late"), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("closed-plan-changes-no-more"));
    }

    @Test
    void cannotChangeAnotherAgencysTactic() {
        fixture()
                .given(WITH_TACTIC)
                .when(new WithdrawTactic(PLAN, TACTIC, "not mine"), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("own-agency-only"));
    }

    @Test
    void cannotAddATacticUnderAnIdThePlanHoldsAlready() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"), tactic("ALAMEDA", TACTIC, ENTRY, null))
                .when(
                        new AddTactic(
                                PLAN,
                                TACTIC,
                                ENTRY,
                                "Again",
                                List.of("Lead"),
                                null,
                                LocalDate.parse("2022-06-30"),
                                null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-exists-already"));
    }

    @Test
    void cannotAddMoreTacticsThanOnePlanHolds() {
        Object[] full = new Object[PlanState.MAX_TACTICS + 2];
        full[0] = drafted("ALAMEDA");
        full[1] = entry("ALAMEDA");
        for (int i = 0; i < PlanState.MAX_TACTICS; i++) {
            full[i + 2] = tactic("ALAMEDA", "t-" + i, ENTRY, null);
        }

        fixture()
                .given(full)
                .when(
                        new AddTactic(
                                PLAN,
                                "t-one-more",
                                ENTRY,
                                "More",
                                List.of("Lead"),
                                null,
                                LocalDate.parse("2022-06-30"),
                                null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("plan-holds-at-most-500-tactics"));
    }

    @Test
    void cannotPlanATacticsCompletionYearsAwayFromItsCycle() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"))
                .when(
                        new AddTactic(
                                PLAN,
                                "t-9",
                                ENTRY,
                                "Someday",
                                List.of("Lead"),
                                null,
                                LocalDate.parse("2099-06-30"),
                                null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-must-fit-its-plan", 1));
    }

    @Test
    void cannotReviseATacticsCompletionToYearsBeforeItsCycle() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"), tactic("ALAMEDA", TACTIC, ENTRY, null))
                .when(
                        new ReviseTactic(PLAN, TACTIC, null, null, null, LocalDate.parse("1999-06-30"), "Typo"),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-must-fit-its-plan", 1));
    }

    @Test
    void cannotCompleteATacticYearsBeforeItsCycle() {
        fixture()
                .given(drafted("ALAMEDA"), entry("ALAMEDA"), tactic("ALAMEDA", TACTIC, ENTRY, null))
                .when(
                        new ChangeTacticStatus(
                                PLAN, TACTIC, TacticStatus.COMPLETED, LocalDate.parse("2001-01-01"), null),
                        editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(refused("tactic-must-fit-its-plan", 1));
    }
}

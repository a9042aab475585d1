package org.pmpledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import org.pmpledger.command.access.CommandAccess;
import org.pmpledger.command.agency.Agencies;
import org.pmpledger.command.assistance.AcknowledgeAssistanceRequest;
import org.pmpledger.command.assistance.AssistanceDecisions;
import org.pmpledger.command.assistance.AssistanceRequests;
import org.pmpledger.command.assistance.AssistanceStep;
import org.pmpledger.command.assistance.CommentOnAssistanceRequest;
import org.pmpledger.command.assistance.EscalateAssistanceRequest;
import org.pmpledger.command.assistance.RaiseAssistanceRequest;
import org.pmpledger.command.assistance.ResolveAssistanceRequest;
import org.pmpledger.command.assistance.RespondToAssistanceRequest;
import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.PlanningCycles;
import org.pmpledger.command.entry.AddPlanEntry;
import org.pmpledger.command.entry.EntryDecisions;
import org.pmpledger.command.entry.RemovePlanEntry;
import org.pmpledger.command.entry.ReviseMeasurement;
import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.progress.FinalResultsOutcome;
import org.pmpledger.command.progress.ProgressDecisions;
import org.pmpledger.command.progress.RecordQuarterlyProgress;
import org.pmpledger.command.progress.SubmitFinalResults;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.review.CommentOnPlan;
import org.pmpledger.command.review.ReviewDecisions;
import org.pmpledger.command.review.ReviewPlan;
import org.pmpledger.command.tactic.AddTactic;
import org.pmpledger.command.tactic.ChangeTacticStatus;
import org.pmpledger.command.tactic.ReviseTactic;
import org.pmpledger.command.tactic.TacticDecisions;
import org.pmpledger.command.tactic.WithdrawTactic;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.web.Caller;

/**
 * One LCSA's Performance Management Plan for one cycle: a living document whose every change is an event; its version
 * is the number of its events. It holds the plan's state ({@link PlanState}, folded from its events) and its lock, and
 * decides the plan-wide rule of submission itself; its entries, tactics, progress, review and requests for state
 * assistance decide in their own slices ({@link EntryDecisions}, {@link TacticDecisions}, {@link ProgressDecisions},
 * {@link ReviewDecisions}, {@link AssistanceDecisions}, which folds its own state, {@link AssistanceRequests}). Who may send
 * each command, and the version the client saw, are decided first, for every command alike.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargets")
public class Plan {

    @AggregateIdentifier
    private String planId;

    private PlanState state = PlanState.NONE;

    private AssistanceRequests assistance = AssistanceRequests.NONE;

    protected Plan() {}

    Plan(DraftPlan command, Instant now) {
        apply(new PlanDrafted(command.planId(), command.ffy(), command.lcsa(), command.title(), now));
    }

    /**
     * Before every command on the plan: the caller may send it here ({@link CommandAccess}: the plan's agency, its region,
     * STATE_ADMIN after close), and the plan is at the version the client saw ({@code If-Match}), under the plan's lock.
     */
    @CommandHandlerInterceptor
    void authorizedAndCurrent(
            Object command,
            MetaData metaData,
            Agencies agencies,
            @MetaDataValue(CommandContext.EXPECTED_VERSION) Long expected) {
        CommandAccess.onPlan(
                command,
                Caller.fromMap(metaData),
                state.lcsa(),
                state.status(),
                () -> agencies.regionOf(state.lcsa()).orElse(null));
        if (expected != null) {
            long actual = AggregateLifecycle.getVersion() + 1;
            if (expected != actual) {
                throw CommandRefused.version(expected, actual);
            }
        }
    }

    @CommandHandler
    void handle(AddPlanEntry command, PlanningCycles cycles, Clock clock) {
        apply(EntryDecisions.add(state, command, cycles.termsOf(state.ffy()), clock.instant()));
    }

    @CommandHandler
    void handle(ReviseMeasurement command, Clock clock) {
        apply(EntryDecisions.revise(state, command, clock.instant()));
    }

    @CommandHandler
    void handle(RemovePlanEntry command, Clock clock) {
        apply(EntryDecisions.remove(state, command, clock.instant()));
    }

    @CommandHandler
    void handle(AddTactic command, PlanningCycles cycles, Clock clock) {
        apply(TacticDecisions.add(state, command, cycles.termsOf(state.ffy()), clock.instant()));
    }

    @CommandHandler
    void handle(ReviseTactic command, Clock clock) {
        apply(TacticDecisions.revise(state, command, clock.instant()));
    }

    @CommandHandler
    void handle(ChangeTacticStatus command, Clock clock) {
        Instant now = clock.instant();
        apply(TacticDecisions.changeStatus(state, command, LocalDate.ofInstant(now, CycleTerms.CALIFORNIA), now));
    }

    @CommandHandler
    void handle(WithdrawTactic command, Clock clock) {
        apply(TacticDecisions.withdraw(state, command, clock.instant()));
    }

    /**
     * A DRAFT or RETURNED plan is submitted when it meets every submission rule of its cycle (everything missing named
     * at once); late against the plan's due date, it is recorded as late.
     */
    @CommandHandler
    void handle(SubmitPlan command, PlanningCycles cycles, Clock clock) {
        if (state.status() != PlanStatus.DRAFT && state.status() != PlanStatus.RETURNED) {
            throw CommandRefused.state(
                    "only-draft-or-returned-plan-is-submitted",
                    "The plan is " + state.status() + "; only a DRAFT or RETURNED plan can be submitted.");
        }
        CycleTerms terms = cycles.termsOf(state.ffy());
        CommandRefused.refuseIfAny(
                terms.missingForSubmission(state),
                "submission-rules-of-the-cycle",
                "The plan does not yet meet the FFY " + state.ffy() + " cycle's submission rules");
        Instant now = clock.instant();
        int daysLate = CycleTerms.daysLate(terms.planDueDate(), now);
        apply(new PlanSubmitted(
                planId,
                state.ffy(),
                state.lcsa(),
                state.submissions() + 1,
                terms.planDueDate(),
                daysLate > 0,
                daysLate,
                now));
    }

    @CommandHandler
    void handle(ReviewPlan command, MetaData metaData, Clock clock) {
        Caller reviewer = Caller.fromMap(metaData); // of the plan's region: authorizedAndCurrent checked it
        apply(ReviewDecisions.review(state, command, reviewer.subject(), reviewer.region(), clock.instant()));
    }

    @CommandHandler
    void handle(CommentOnPlan command, MetaData metaData, Clock clock) {
        Caller author = Caller.fromMap(metaData); // of the plan's region: authorizedAndCurrent checked it
        apply(ReviewDecisions.comment(state, command, author.subject(), author.region(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordQuarterlyProgress command, PlanningCycles cycles, Clock clock) {
        apply(ProgressDecisions.record(state, command, cycles.termsOf(state.ffy()), clock.instant()));
    }

    @CommandHandler
    FinalResultsOutcome handle(SubmitFinalResults command, PlanningCycles cycles, Clock clock) {
        ProgressDecisions.Closing closing =
                ProgressDecisions.finalResults(state, command, cycles.termsOf(state.ffy()), clock.instant());
        apply(closing.event());
        return closing.outcome();
    }

    @CommandHandler
    void handle(RaiseAssistanceRequest command, MetaData metaData, Clock clock) {
        Instant now = clock.instant();
        apply(AssistanceDecisions.raise(
                state,
                assistance,
                command,
                Caller.fromMap(metaData).subject(),
                LocalDate.ofInstant(now, CycleTerms.CALIFORNIA),
                now));
    }

    @CommandHandler
    void handle(AcknowledgeAssistanceRequest command, MetaData metaData, Clock clock) {
        advance(command, metaData, clock);
    }

    @CommandHandler
    void handle(EscalateAssistanceRequest command, MetaData metaData, Clock clock) {
        advance(command, metaData, clock);
    }

    @CommandHandler
    void handle(RespondToAssistanceRequest command, MetaData metaData, Clock clock) {
        advance(command, metaData, clock);
    }

    @CommandHandler
    void handle(ResolveAssistanceRequest command, MetaData metaData, Clock clock) {
        advance(command, metaData, clock);
    }

    private void advance(AssistanceStep step, MetaData metaData, Clock clock) {
        apply(AssistanceDecisions.advance(state, assistance, step, Caller.fromMap(metaData), clock.instant()));
    }

    @CommandHandler
    void handle(CommentOnAssistanceRequest command, MetaData metaData, Clock clock) {
        apply(AssistanceDecisions.comment(state, assistance, command, Caller.fromMap(metaData), clock.instant()));
    }

    @EventSourcingHandler
    void on(PlanEvent event) {
        if (event instanceof PlanDrafted drafted) {
            planId = drafted.planId();
        }
        state = state.evolve(event);
        assistance = assistance.evolve(event);
    }
}

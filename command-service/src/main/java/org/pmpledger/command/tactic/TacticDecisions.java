package org.pmpledger.command.tactic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.FiscalYear;
import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;

/**
 * What a plan's tactics decide: a tactic serves an entry of the plan and, if any, a key initiative of the cycle; its
 * dates lie near the cycle; it moves through the statuses {@link TacticTransitions} allows, with its actual
 * completion exactly when completed and never in the future; a withdrawn tactic changes no more; nothing changes once
 * the plan is closed.
 */
public final class TacticDecisions {

    private TacticDecisions() {}

    public static TacticAdded add(PlanState plan, AddTactic command, CycleTerms terms, Instant now) {
        plan.requireNotClosed();
        plan.requireNewTactic(command.tacticId());
        List<FieldProblem> problems = new ArrayList<>();
        new FiscalYear(plan.ffy())
                .planDateRefusal(command.projectedCompletion())
                .ifPresent(refusal -> problems.add(new FieldProblem("projectedCompletion", refusal)));
        PlanState.Entry entry = plan.entries().get(command.entryId());
        if (entry == null || entry.removed()) {
            problems.add(new FieldProblem("entryId", "entry " + command.entryId() + " is not an entry of this plan"));
        }
        terms.initiativeProblem(command.initiative(), "initiative").ifPresent(problems::add);
        CommandRefused.refuseIfAny(problems, "tactic-must-fit-its-plan", "The tactic does not fit the plan");
        return new TacticAdded(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.tacticId(),
                command.entryId(),
                command.title(),
                List.copyOf(command.leads()),
                command.description(),
                command.projectedCompletion(),
                command.initiative(),
                plan.amendment(),
                now);
    }

    public static TacticRevised revise(PlanState plan, ReviseTactic command, Instant now) {
        plan.requireNotClosed();
        PlanState.Tactic tactic = plan.changeableTactic(command.tacticId());
        CommandRefused.requireReason(command.reason(), "tactic-revision-needs-reason", "A tactic revision");
        List<String> changed = new ArrayList<>();
        String title = revised(command.title(), tactic.title(), "title", changed);
        List<String> leads = revised(
                command.leads() == null ? null : List.copyOf(command.leads()), tactic.leads(), "leads", changed);
        String description = revised(command.description(), tactic.description(), "description", changed);
        LocalDate projected = revised(
                command.projectedCompletion(),
                tactic.projectedCompletion(),
                TacticRevised.PROJECTED_COMPLETION,
                changed);
        new FiscalYear(plan.ffy())
                .planDateRefusal(command.projectedCompletion())
                .ifPresent(refusal -> {
                    throw CommandRefused.rule(
                            "tactic-must-fit-its-plan",
                            "The projected completion does not fit the plan's cycle.",
                            new FieldProblem("projectedCompletion", refusal));
                });
        if (changed.isEmpty()) {
            throw CommandRefused.rule(
                    "revision-changes-something",
                    "The revision changes nothing: give at least one of title, leads, description, projectedCompletion with a new value.");
        }
        return new TacticRevised(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.tacticId(),
                title,
                leads,
                description,
                projected,
                List.copyOf(changed),
                command.reason(),
                plan.amendment(),
                now);
    }

    /** @param today the California date the change is made on */
    public static TacticStatusChanged changeStatus(
            PlanState plan, ChangeTacticStatus command, LocalDate today, Instant now) {
        plan.requireNotClosed();
        PlanState.Tactic tactic = plan.changeableTactic(command.tacticId());
        if (tactic.status() == command.status()) {
            throw CommandRefused.state("tactic-status-changes", "The tactic is " + tactic.status() + " already.");
        }
        if (!TacticTransitions.allowed(tactic.status(), command.status())) {
            throw CommandRefused.state(
                    "tactic-status-transition",
                    "A " + tactic.status() + " tactic can move to " + TacticTransitions.from(tactic.status())
                            + ", not to " + command.status() + ".");
        }
        if (command.status() == TacticStatus.COMPLETED && command.actualCompletion() == null) {
            throw CommandRefused.rule(
                    "completion-date-when-completed",
                    "A COMPLETED tactic needs its actual completion date.",
                    new FieldProblem("actualCompletion", "is required when the status is COMPLETED"));
        }
        if (command.status() != TacticStatus.COMPLETED && command.actualCompletion() != null) {
            throw CommandRefused.rule(
                    "completion-date-when-completed",
                    "Only a COMPLETED tactic has an actual completion date.",
                    new FieldProblem("actualCompletion", "is only given with the status COMPLETED"));
        }
        new FiscalYear(plan.ffy()).planDateRefusal(command.actualCompletion()).ifPresent(refusal -> {
            throw CommandRefused.rule(
                    "tactic-must-fit-its-plan",
                    "The actual completion does not fit the plan's cycle.",
                    new FieldProblem("actualCompletion", refusal));
        });
        if (command.actualCompletion() != null && command.actualCompletion().isAfter(today)) {
            throw CommandRefused.rule(
                    "completion-date-not-in-future",
                    "A tactic cannot be completed in the future.",
                    new FieldProblem("actualCompletion", "must not be after today (" + today + ")"));
        }
        if (TacticTransitions.reopens(tactic.status(), command.status())
                && (command.comment() == null || command.comment().isBlank())) {
            throw CommandRefused.rule(
                    "reopening-needs-comment",
                    "Reopening a completed tactic needs a comment saying why.",
                    new FieldProblem("comment", "is required to reopen a COMPLETED tactic"));
        }
        return new TacticStatusChanged(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.tacticId(),
                tactic.status(),
                command.status(),
                command.actualCompletion(),
                command.comment(),
                plan.amendment(),
                now);
    }

    public static TacticWithdrawn withdraw(PlanState plan, WithdrawTactic command, Instant now) {
        plan.requireNotClosed();
        plan.changeableTactic(command.tacticId());
        CommandRefused.requireReason(command.reason(), "withdrawal-needs-reason", "Withdrawing a tactic");
        return new TacticWithdrawn(
                plan.planId(), plan.ffy(), plan.lcsa(), command.tacticId(), command.reason(), plan.amendment(), now);
    }

    private static <T> T revised(T proposed, T current, String field, List<String> changed) {
        if (proposed == null || Objects.equals(proposed, current)) {
            return current;
        }
        changed.add(field);
        return proposed;
    }
}

package org.pmpledger.command.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.UnitRange;
import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.progress.FinalResultsOutcome.MissingQ4Value;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;

/**
 * What a plan's progress decides: a quarter is recorded once the plan was submitted and the quarter has begun, on time
 * or late against the cycle's due date, in its measurement's unit; recording it again is a correction with a reason;
 * after the plan closed a correction says so and needs a reason. Final results close an APPROVED plan once Q4 has begun,
 * naming the measurements still missing a Q4 value.
 */
public final class ProgressDecisions {

    /** A decided SubmitFinalResults: the event, and what the command answers. */
    public record Closing(FinalResultsSubmitted event, FinalResultsOutcome outcome) {}

    private ProgressDecisions() {}

    public static QuarterlyProgressRecorded record(
            PlanState plan, RecordQuarterlyProgress command, CycleTerms terms, Instant now) {
        boolean afterClose = plan.status() == PlanStatus.CLOSED;
        if (afterClose) {
            CommandRefused.requireReason(
                    command.reason(), "after-close-correction-needs-reason", "A correction after the plan closed");
        }
        if (plan.status() == PlanStatus.DRAFT) {
            throw CommandRefused.state(
                    "progress-after-submission",
                    "Quarterly progress is recorded once the plan has been submitted; it is still a DRAFT.");
        }
        PlanState.Entry entry = plan.activeEntry(command.entryId());
        UnitRange.refusal(entry.unit(), command.value()).ifPresent(refusal -> {
            throw CommandRefused.rule(
                    "value-fits-its-unit",
                    "The value does not fit the measurement's unit " + entry.unit() + ".",
                    new FieldProblem("value", refusal));
        });
        LocalDate today = LocalDate.ofInstant(now, CycleTerms.CALIFORNIA);
        LocalDate begins = command.quarter().firstDay(plan.ffy());
        if (today.isBefore(begins)) {
            throw CommandRefused.rule(
                    "quarter-must-have-begun",
                    "FFY " + plan.ffy() + " " + command.quarter() + " begins on " + begins
                            + "; its progress cannot be recorded before.",
                    new FieldProblem("quarter", command.quarter() + " has not begun (it begins " + begins + ")"));
        }
        PlanState.Progress previous = entry.progress().get(command.quarter());
        if (previous != null) {
            CommandRefused.requireReason(
                    command.reason(),
                    "correction-needs-reason",
                    command.quarter() + " was recorded already: recording it again is a correction, which");
        }
        LocalDate due = terms.dueDateOf(command.quarter()).orElse(null);
        int daysLate = due == null ? 0 : CycleTerms.daysLate(due, now);
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason();
        return new QuarterlyProgressRecorded(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.entryId(),
                entry.indicator(),
                command.quarter(),
                command.value(),
                command.narrative(),
                due,
                daysLate > 0,
                daysLate,
                previous != null,
                previous == null ? null : previous.value(),
                previous == null ? null : previous.narrative(),
                reason,
                afterClose,
                now);
    }

    public static Closing finalResults(PlanState plan, SubmitFinalResults command, CycleTerms terms, Instant now) {
        if (plan.status() != PlanStatus.APPROVED) {
            throw CommandRefused.state(
                    "final-results-of-approved-plan",
                    "The plan is " + plan.status() + "; final results close an APPROVED plan.");
        }
        LocalDate q4 = Quarter.Q4.firstDay(plan.ffy());
        if (LocalDate.ofInstant(now, CycleTerms.CALIFORNIA).isBefore(q4)) {
            throw CommandRefused.rule(
                    "final-results-once-q4-begins",
                    "Final results come once FFY " + plan.ffy() + " Q4 has begun (" + q4 + ").");
        }
        List<MissingQ4Value> missing = new ArrayList<>();
        plan.entries().forEach((entryId, entry) -> {
            PlanState.Progress q4Progress = entry.progress().get(Quarter.Q4);
            if (!entry.removed() && (q4Progress == null || q4Progress.value() == null)) {
                missing.add(new MissingQ4Value(entryId, entry.goal(), entry.indicator(), entry.measurementTitle()));
            }
        });
        LocalDate due = terms.dueDateOf(Quarter.Q4).orElse(null);
        int daysLate = due == null ? 0 : CycleTerms.daysLate(due, now);
        return new Closing(
                new FinalResultsSubmitted(
                        plan.planId(),
                        plan.ffy(),
                        plan.lcsa(),
                        command.narrative(),
                        missing.stream().map(MissingQ4Value::entryId).toList(),
                        due,
                        daysLate > 0,
                        daysLate,
                        now),
                new FinalResultsOutcome(List.copyOf(missing)));
    }
}

package org.pmpledger.command.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.UnitRange;
import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEntryRemoved;

/**
 * What a plan's entries decide: an entry refers only to its cycle and is added once; a measurement is revised, and an
 * entry removed, for a reason, while the plan's entries may change; an entry with active tactics stays.
 */
public final class EntryDecisions {

    private EntryDecisions() {}

    public static PlanEntryAdded add(PlanState plan, AddPlanEntry command, CycleTerms terms, Instant now) {
        plan.requireEntriesEditable();
        plan.requireNewEntry(command.entryId());
        CycleTerms.EntryFit fit = terms.fitOf(
                command.goal(),
                command.objective(),
                command.objectiveText(),
                command.initiative(),
                command.measurement());
        CommandRefused.refuseIfAny(
                fit.problems(), "entry-must-fit-its-cycle", "The entry does not fit the FFY " + plan.ffy() + " cycle");
        String objectiveText =
                command.objectiveText() == null || command.objectiveText().isBlank() ? null : command.objectiveText();
        return new PlanEntryAdded(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.entryId(),
                command.goal(),
                command.objective(),
                objectiveText,
                command.strategy(),
                command.initiative(),
                fit.measurement(),
                plan.amendment(),
                now);
    }

    public static MeasurementRevised revise(PlanState plan, ReviseMeasurement command, Instant now) {
        plan.requireEntriesEditable();
        PlanState.Entry entry = plan.activeEntry(command.entryId());
        CommandRefused.requireReason(command.reason(), "measurement-revision-needs-reason", "A measurement revision");
        BigDecimal baseline = command.baseline() != null ? command.baseline() : entry.baseline();
        BigDecimal target = command.target() != null ? command.target() : entry.target();
        List<FieldProblem> problems = new ArrayList<>();
        UnitRange.refusal(entry.unit(), command.baseline())
                .ifPresent(r -> problems.add(new FieldProblem("baseline", r)));
        UnitRange.refusal(entry.unit(), command.target()).ifPresent(r -> problems.add(new FieldProblem("target", r)));
        CommandRefused.refuseIfAny(
                problems, "value-fits-its-unit", "The values do not fit the measurement's unit " + entry.unit());
        if (sameNumber(baseline, entry.baseline()) && sameNumber(target, entry.target())) {
            throw CommandRefused.rule(
                    "revision-changes-something",
                    "The baseline and target are already these values.",
                    new FieldProblem("baseline", "equals the current baseline"),
                    new FieldProblem("target", "equals the current target"));
        }
        return new MeasurementRevised(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.entryId(),
                baseline,
                target,
                entry.baseline(),
                entry.target(),
                command.reason(),
                plan.amendment(),
                now);
    }

    public static PlanEntryRemoved remove(PlanState plan, RemovePlanEntry command, Instant now) {
        plan.requireEntriesEditable();
        plan.activeEntry(command.entryId());
        CommandRefused.requireReason(command.reason(), "removal-needs-reason", "Removing an entry");
        List<String> activeTactics = plan.tactics().entrySet().stream()
                .filter(t -> t.getValue().entryId().equals(command.entryId())
                        && !t.getValue().withdrawn())
                .map(Map.Entry::getKey)
                .toList();
        if (!activeTactics.isEmpty()) {
            throw CommandRefused.state(
                    "entry-with-active-tactics-stays",
                    "Entry " + command.entryId() + " still has active tactics " + activeTactics
                            + ": withdraw or complete them first.");
        }
        return new PlanEntryRemoved(
                plan.planId(), plan.ffy(), plan.lcsa(), command.entryId(), command.reason(), plan.amendment(), now);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

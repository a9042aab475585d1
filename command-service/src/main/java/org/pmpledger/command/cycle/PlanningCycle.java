package org.pmpledger.command.cycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import org.pmpledger.command.agency.Agencies;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.cycle.AgencyCaseloadsRecorded;
import org.pmpledger.events.cycle.AgencyCaseloadsRecorded.AgencyCaseload;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded.AgencyValue;
import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.Direction;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;

/**
 * The planning cycle of one federal fiscal year, as a DCSS letter opens it (a STATE_ADMIN's commands: {@code @Authorized}). Its id is derived from
 * the FFY, so the event store's unique (aggregate, sequence) index makes "one cycle per FFY" hold
 * under any concurrency.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargets")
public class PlanningCycle {

    @AggregateIdentifier
    private String cycleId;

    private CycleTerms terms;

    protected PlanningCycle() {}

    @CommandHandler
    public PlanningCycle(OpenPlanningCycle command, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        checkDates(command, problems);
        unique(command.goals(), StrategicGoal::number, "goals", "goal number", problems);
        for (int g = 0; g < command.goals().size(); g++) {
            unique(
                    command.goals().get(g).objectives(),
                    PlanningCycleOpened.Objective::number,
                    "goals[" + g + "].objectives",
                    "objective number",
                    problems);
        }
        uniqueInitiativeCodes(command.keyInitiatives(), problems);
        unique(
                command.indicators(),
                PlanningCycleOpened.PracticeIndicator::code,
                "indicators",
                "indicator code",
                problems);
        for (int i = 0; i < command.indicators().size(); i++) {
            PlanningCycleOpened.PracticeIndicator indicator =
                    command.indicators().get(i);
            String field = "indicators[" + i + "].minimum";
            if (indicator.minimum() != null && indicator.direction() != Direction.HIGHER_IS_BETTER) {
                problems.add(new FieldProblem(field, "is only for an indicator where higher is better (a floor)"));
            }
            UnitRange.refusal(indicator.unit(), indicator.minimum())
                    .ifPresent(refusal -> problems.add(new FieldProblem(field, refusal)));
        }
        List<KeyInitiative> initiatives = withThresholdIndicators(command.keyInitiatives(), command.indicators());
        for (int i = 0; i < initiatives.size(); i++) {
            KeyInitiative initiative = initiatives.get(i);
            if (initiative.required() != InitiativeRequirement.BELOW_PATERNITY_THRESHOLD) {
                continue;
            }
            if (initiative.threshold() == null
                    || initiative.threshold().signum() <= 0
                    || initiative.threshold().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new FieldProblem(
                        "keyInitiatives[" + i + "].threshold",
                        "is required (a percentage above 0 and at most 100) for BELOW_PATERNITY_THRESHOLD"));
            }
            String indicator = initiative.thresholdIndicator();
            if (indicator == null) {
                problems.add(new FieldProblem(
                        "keyInitiatives[" + i + "].thresholdIndicator",
                        "is required here: left out, it is the cycle's indicator whose title names paternity, and"
                                + " the cycle has none"));
            } else if (command.indicators().stream().noneMatch(p -> p.code().equals(indicator))) {
                problems.add(new FieldProblem(
                        "keyInitiatives[" + i + "].thresholdIndicator",
                        "must name one of the cycle's indicators (its agency values decide who must cover the"
                                + " initiative)"));
            }
        }
        if (!problems.isEmpty()) {
            throw CommandRefused.rule(
                    "cycle-must-be-consistent",
                    "The cycle for FFY " + command.ffy() + " is not consistent: " + problems.size() + " problem(s).",
                    problems);
        }
        apply(new PlanningCycleOpened(
                CycleEvent.cycleIdOf(command.ffy()),
                command.ffy(),
                command.planDueDate(),
                command.quarterDueDates(),
                command.goals(),
                initiatives,
                command.indicators(),
                command.submissionRules(),
                clock.instant()));
    }

    /**
     * A BELOW_PATERNITY_THRESHOLD initiative that names no threshold indicator takes the values of the cycle's paternity
     * indicator, as the contract's body (which has no such field) and revision 1 of the event mean.
     */
    private static List<KeyInitiative> withThresholdIndicators(
            List<KeyInitiative> initiatives, List<PlanningCycleOpened.PracticeIndicator> indicators) {
        return initiatives.stream()
                .map(i -> i.required() != InitiativeRequirement.BELOW_PATERNITY_THRESHOLD
                                || i.thresholdIndicator() != null
                        ? i
                        : new KeyInitiative(
                                i.code(),
                                i.title(),
                                i.required(),
                                i.threshold(),
                                PlanningCycleOpened.PracticeIndicator.paternityIndicatorIn(indicators)
                                        .orElse(null),
                                i.subInitiatives()))
                .toList();
    }

    @CommandHandler
    void handle(RecordAgencyIndicatorValues command, Agencies agencies, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        var indicator = terms.indicator(command.indicator());
        if (indicator.isEmpty()) {
            problems.add(new FieldProblem("indicator", "is not an indicator of the FFY " + terms.ffy() + " cycle"));
        }
        Set<String> seen = new HashSet<>();
        FiscalYear year = new FiscalYear(terms.ffy());
        for (int i = 0; i < command.values().size(); i++) {
            AgencyValue value = command.values().get(i);
            String lcsa = value.lcsa();
            if (!agencies.knows(lcsa)) {
                problems.add(new FieldProblem("values[" + i + "].lcsa", "is not a known agency: " + lcsa));
            } else if (!seen.add(lcsa)) {
                problems.add(new FieldProblem("values[" + i + "].lcsa", lcsa + " appears more than once"));
            }
            String field = "values[" + i + "]";
            indicator
                    .flatMap(known -> UnitRange.refusal(known.unit(), value.value()))
                    .ifPresent(refusal -> problems.add(new FieldProblem(field + ".value", refusal)));
            year.measuredDateRefusal(value.asOf())
                    .ifPresent(refusal -> problems.add(new FieldProblem(field + ".asOf", refusal)));
        }
        if (!problems.isEmpty()) {
            throw CommandRefused.rule(
                    "agency-values-name-known-indicator-and-agencies",
                    "The values cannot be recorded: " + problems.size() + " problem(s).",
                    problems);
        }
        apply(new AgencyIndicatorValuesRecorded(
                cycleId, terms.ffy(), command.indicator(), command.values(), clock.instant()));
    }

    /** Every agency named is known, once; each count describes a day no later than the end of the cycle's FFY. */
    @CommandHandler
    void handle(RecordAgencyCaseloads command, Agencies agencies, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        FiscalYear year = new FiscalYear(terms.ffy());
        for (int i = 0; i < command.caseloads().size(); i++) {
            AgencyCaseload caseload = command.caseloads().get(i);
            String field = "caseloads[" + i + "]";
            if (!agencies.knows(caseload.lcsa())) {
                problems.add(new FieldProblem(field + ".lcsa", "is not a known agency: " + caseload.lcsa()));
            } else if (!seen.add(caseload.lcsa())) {
                problems.add(new FieldProblem(field + ".lcsa", caseload.lcsa() + " appears more than once"));
            }
            year.measuredDateRefusal(caseload.asOf())
                    .ifPresent(refusal -> problems.add(new FieldProblem(field + ".asOf", refusal)));
        }
        CommandRefused.refuseIfAny(problems, "caseloads-name-known-agencies", "The caseloads cannot be recorded");
        apply(new AgencyCaseloadsRecorded(cycleId, terms.ffy(), command.caseloads(), clock.instant()));
    }

    @EventSourcingHandler
    void on(PlanningCycleOpened event) {
        cycleId = event.cycleId();
        terms = CycleTerms.of(event);
    }

    @EventSourcingHandler
    void on(AgencyIndicatorValuesRecorded event) {
        terms = terms.with(event);
    }

    CycleTerms terms() {
        return terms;
    }

    /**
     * Quarter due dates come after the quarter's end; the plan is due before the first quarterly update; every due date
     * lies near its FFY.
     */
    private static void checkDates(OpenPlanningCycle command, List<FieldProblem> problems) {
        FiscalYear year = new FiscalYear(command.ffy());
        year.dueDateRefusal(command.planDueDate())
                .ifPresent(refusal -> problems.add(new FieldProblem("planDueDate", refusal)));
        QuarterDueDates due = command.quarterDueDates();
        if (due == null) {
            return;
        }
        int ffy = command.ffy();
        LocalDate[] quarterEnds = {
            LocalDate.of(ffy - 1, 12, 31), LocalDate.of(ffy, 3, 31), LocalDate.of(ffy, 6, 30), LocalDate.of(ffy, 9, 30)
        };
        LocalDate[] dueDates = {due.q1(), due.q2(), due.q3(), due.q4()};
        for (int q = 0; q < 4; q++) {
            String field = "quarterDueDates.Q" + (q + 1);
            if (dueDates[q] == null) {
                problems.add(new FieldProblem(field, "is required when quarterly due dates are given"));
            } else if (!dueDates[q].isAfter(quarterEnds[q])) {
                problems.add(new FieldProblem(field, "must be after the quarter's end (" + quarterEnds[q] + ")"));
            } else {
                year.dueDateRefusal(dueDates[q]).ifPresent(refusal -> problems.add(new FieldProblem(field, refusal)));
            }
        }
        if (due.q1() != null && !command.planDueDate().isBefore(due.q1())) {
            problems.add(
                    new FieldProblem("planDueDate", "must be before the first quarterly due date (" + due.q1() + ")"));
        }
    }

    /** Key initiative and sub-initiative codes share one name space: plan entries refer to either. */
    private static void uniqueInitiativeCodes(List<KeyInitiative> initiatives, List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < initiatives.size(); i++) {
            KeyInitiative initiative = initiatives.get(i);
            if (!seen.add(initiative.code())) {
                problems.add(new FieldProblem(
                        "keyInitiatives[" + i + "]",
                        "initiative code " + initiative.code() + " appears more than once"));
            }
            for (int s = 0; s < initiative.subInitiatives().size(); s++) {
                String code = initiative.subInitiatives().get(s).code();
                if (!seen.add(code)) {
                    problems.add(new FieldProblem(
                            "keyInitiatives[" + i + "].subInitiatives[" + s + "]",
                            "initiative code " + code + " appears more than once"));
                }
            }
        }
    }

    private static <T, K> void unique(
            List<T> items, Function<T, K> key, String field, String what, List<FieldProblem> problems) {
        Set<K> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            K value = key.apply(items.get(i));
            if (!seen.add(value)) {
                problems.add(new FieldProblem(field + "[" + i + "]", what + " " + value + " appears more than once"));
            }
        }
    }
}

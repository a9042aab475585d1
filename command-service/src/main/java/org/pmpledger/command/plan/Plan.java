package org.pmpledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import org.pmpledger.command.agency.Agencies;
import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.FiscalYear;
import org.pmpledger.command.cycle.PlanningCycles;
import org.pmpledger.command.cycle.UnitRange;
import org.pmpledger.command.entry.AddPlanEntry;
import org.pmpledger.command.entry.RemovePlanEntry;
import org.pmpledger.command.entry.ReviseMeasurement;
import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.command.progress.FinalResultsOutcome;
import org.pmpledger.command.progress.FinalResultsOutcome.MissingQ4Value;
import org.pmpledger.command.progress.RecordQuarterlyProgress;
import org.pmpledger.command.progress.SubmitFinalResults;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.command.review.CommentOnPlan;
import org.pmpledger.command.review.ReviewDecision;
import org.pmpledger.command.review.ReviewPlan;
import org.pmpledger.command.tactic.AddTactic;
import org.pmpledger.command.tactic.ChangeTacticStatus;
import org.pmpledger.command.tactic.ReviseTactic;
import org.pmpledger.command.tactic.TacticTransitions;
import org.pmpledger.command.tactic.WithdrawTactic;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEntryRemoved;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/**
 * One LCSA's Performance Management Plan for one cycle: a living document whose every change is an
 * event. It decides every rule of the letters that one plan can see: entries refer to their cycle,
 * tactics move through valid statuses, submission meets the cycle's rules, review by the region's
 * Regional Administrator, quarterly progress and corrections, final results. Its version is the
 * number of its events.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = "commandTargets")
public class Plan {

    /** The most entries and tactics one plan holds (removed and withdrawn ones included). */
    public static final int MAX_ENTRIES = 100;
    public static final int MAX_TACTICS = 500;

    @AggregateIdentifier
    private String planId;
    private int ffy;
    private String lcsa;
    private PlanStatus status;
    private int submissions;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Tactic> tactics = new LinkedHashMap<>();

    /** What the plan remembers of an entry to decide later commands (a value: replaced on change). */
    private record Entry(int goal, String initiative, String indicator, String measurementTitle, MeasureUnit unit,
                         BigDecimal baseline, BigDecimal target, boolean removed, Map<Quarter, Progress> progress) {

        static Entry of(PlanEntryAdded added) {
            Measurement measurement = added.measurement();
            return new Entry(added.goal(), added.initiative(), measurement.indicator(), measurement.title(),
                    measurement.unit(), measurement.baseline(), measurement.target(), false, Map.of());
        }

        Entry withMeasurement(BigDecimal newBaseline, BigDecimal newTarget) {
            return new Entry(goal, initiative, indicator, measurementTitle, unit, newBaseline, newTarget, removed, progress);
        }

        Entry asRemoved() {
            return new Entry(goal, initiative, indicator, measurementTitle, unit, baseline, target, true, progress);
        }

        Entry withProgress(Quarter quarter, Progress recorded) {
            Map<Quarter, Progress> updated = new EnumMap<>(Quarter.class);
            updated.putAll(progress);
            updated.put(quarter, recorded);
            return new Entry(goal, initiative, indicator, measurementTitle, unit, baseline, target, removed,
                    Map.copyOf(updated));
        }
    }

    private record Progress(BigDecimal value, String narrative) {
    }

    /** What the plan remembers of a tactic (a value: replaced on change). */
    private record Tactic(String entryId, String initiative, String title, List<String> leads, String description,
                          LocalDate projectedCompletion, TacticStatus status, boolean withdrawn) {

        static Tactic of(TacticAdded added) {
            return new Tactic(added.entryId(), added.initiative(), added.title(), added.leads(), added.description(),
                    added.projectedCompletion(), TacticStatus.NOT_STARTED, false);
        }

        Tactic revisedBy(TacticRevised revised) {
            return new Tactic(entryId, initiative, revised.title(), revised.leads(), revised.description(),
                    revised.projectedCompletion(), status, withdrawn);
        }

        Tactic withStatus(TacticStatus newStatus) {
            return new Tactic(entryId, initiative, title, leads, description, projectedCompletion, newStatus, withdrawn);
        }

        Tactic asWithdrawn() {
            return new Tactic(entryId, initiative, title, leads, description, projectedCompletion, status, true);
        }
    }

    protected Plan() {
    }

    Plan(DraftPlan command, Instant now) {
        apply(new PlanDrafted(command.planId(), command.ffy(), command.lcsa(), command.title(), now));
    }

    /** If-Match: the client's version must be the plan's current version, checked under the plan's lock. */
    @CommandHandlerInterceptor
    void versionMustMatch(@MetaDataValue(CommandContext.EXPECTED_VERSION) Long expected) {
        if (expected != null) {
            long actual = AggregateLifecycle.getVersion() + 1;
            if (expected != actual) {
                throw CommandRefused.version(expected, actual);
            }
        }
    }

    // ---- entries -------------------------------------------------------------------------------

    @CommandHandler
    void handle(AddPlanEntry command, MetaData metaData, PlanningCycles cycles, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        requireEntriesEditable();
        requireNew(entries, command.entryId(), "entry", "entries", MAX_ENTRIES);
        CycleTerms terms = cycles.termsOf(ffy);
        List<FieldProblem> problems = new ArrayList<>();
        StrategicGoal goal = terms.goal(command.goal()).orElse(null);
        if (goal == null) {
            problems.add(new FieldProblem("goal", "goal " + command.goal() + " is not a goal of the FFY " + ffy + " cycle"));
        } else if (goal.objectives().isEmpty()) {
            if (command.objective() != null) {
                problems.add(new FieldProblem("objective", "goal " + goal.number()
                        + " lists no objectives in this cycle: name the plan's own in objectiveText"));
            } else if (blank(command.objectiveText())) {
                problems.add(new FieldProblem("objectiveText", "is required: the cycle lists no objectives for goal " + goal.number()));
            }
        } else if (command.objective() == null) {
            problems.add(new FieldProblem("objective", "is required: one of goal " + goal.number() + "'s objectives "
                    + goal.objectives().stream().map(o -> String.valueOf(o.number())).toList()));
        } else if (goal.objectives().stream().noneMatch(o -> o.number() == command.objective())) {
            problems.add(new FieldProblem("objective", "objective " + command.objective() + " is not an objective of goal "
                    + goal.number() + " " + goal.objectives().stream().map(o -> String.valueOf(o.number())).toList()));
        } else if (!blank(command.objectiveText())) {
            problems.add(new FieldProblem("objectiveText", "is only for goals whose objectives the cycle does not list"));
        }
        initiativeMustBeOfCycle(terms, command.initiative(), "initiative", problems);
        Measurement measurement = command.measurement();
        if (measurement.indicator() != null) {
            PracticeIndicator indicator = terms.indicator(measurement.indicator()).orElse(null);
            if (indicator == null) {
                problems.add(new FieldProblem("measurement.indicator", "indicator " + measurement.indicator()
                        + " is not a Practice Indicator of the FFY " + ffy + " cycle"));
            } else if (measurement.unit() != null && measurement.unit() != indicator.unit()) {
                problems.add(new FieldProblem("measurement.unit", "must be " + indicator.unit() + ", the unit of "
                        + indicator.code() + " (or left out)"));
            } else {
                measurement = new Measurement(indicator.code(), measurement.title(), indicator.unit(),
                        measurement.baseline(), measurement.target());
            }
        }
        valueOfUnit(measurement.unit(), measurement.baseline(), "measurement.baseline", problems);
        valueOfUnit(measurement.unit(), measurement.target(), "measurement.target", problems);
        refuseIfAny(problems, "entry-must-fit-its-cycle", "The entry does not fit the FFY " + ffy + " cycle");
        apply(new PlanEntryAdded(planId, ffy, lcsa, command.entryId(), command.goal(), command.objective(),
                blank(command.objectiveText()) ? null : command.objectiveText(), command.strategy(),
                command.initiative(), measurement, amendment(), clock.instant()));
    }

    @CommandHandler
    void handle(ReviseMeasurement command, MetaData metaData, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        requireEntriesEditable();
        Entry entry = activeEntry(command.entryId());
        requireReason(command.reason(), "measurement-revision-needs-reason", "A measurement revision");
        BigDecimal baseline = command.baseline() != null ? command.baseline() : entry.baseline();
        BigDecimal target = command.target() != null ? command.target() : entry.target();
        List<FieldProblem> problems = new ArrayList<>();
        valueOfUnit(entry.unit(), command.baseline(), "baseline", problems);
        valueOfUnit(entry.unit(), command.target(), "target", problems);
        refuseIfAny(problems, "value-fits-its-unit", "The values do not fit the measurement's unit " + entry.unit());
        if (sameNumber(baseline, entry.baseline()) && sameNumber(target, entry.target())) {
            throw CommandRefused.rule("revision-changes-something", "The baseline and target are already these values.",
                    new FieldProblem("baseline", "equals the current baseline"), new FieldProblem("target", "equals the current target"));
        }
        apply(new MeasurementRevised(planId, ffy, lcsa, command.entryId(), baseline, target, entry.baseline(),
                entry.target(), command.reason(), amendment(), clock.instant()));
    }

    @CommandHandler
    void handle(RemovePlanEntry command, MetaData metaData, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        requireEntriesEditable();
        activeEntry(command.entryId());
        requireReason(command.reason(), "removal-needs-reason", "Removing an entry");
        List<String> activeTactics = tactics.entrySet().stream()
                .filter(t -> t.getValue().entryId().equals(command.entryId()) && !t.getValue().withdrawn())
                .map(Map.Entry::getKey).toList();
        if (!activeTactics.isEmpty()) {
            throw CommandRefused.state("entry-with-active-tactics-stays", "Entry " + command.entryId()
                    + " still has active tactics " + activeTactics + ": withdraw or complete them first.");
        }
        apply(new PlanEntryRemoved(planId, ffy, lcsa, command.entryId(), command.reason(), amendment(), clock.instant()));
    }

    // ---- tactics -------------------------------------------------------------------------------

    @CommandHandler
    void handle(AddTactic command, MetaData metaData, PlanningCycles cycles, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        requireNotClosed();
        requireNew(tactics, command.tacticId(), "tactic", "tactics", MAX_TACTICS);
        List<FieldProblem> problems = new ArrayList<>();
        new FiscalYear(ffy).planDateRefusal(command.projectedCompletion())
                .ifPresent(refusal -> problems.add(new FieldProblem("projectedCompletion", refusal)));
        Entry entry = entries.get(command.entryId());
        if (entry == null || entry.removed()) {
            problems.add(new FieldProblem("entryId", "entry " + command.entryId() + " is not an entry of this plan"));
        }
        initiativeMustBeOfCycle(cycles.termsOf(ffy), command.initiative(), "initiative", problems);
        refuseIfAny(problems, "tactic-must-fit-its-plan", "The tactic does not fit the plan");
        apply(new TacticAdded(planId, ffy, lcsa, command.tacticId(), command.entryId(), command.title(),
                List.copyOf(command.leads()), command.description(), command.projectedCompletion(),
                command.initiative(), amendment(), clock.instant()));
    }

    @CommandHandler
    void handle(ReviseTactic command, MetaData metaData, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        requireNotClosed();
        Tactic tactic = changeableTactic(command.tacticId());
        requireReason(command.reason(), "tactic-revision-needs-reason", "A tactic revision");
        List<String> changed = new ArrayList<>();
        String title = revised(command.title(), tactic.title(), "title", changed);
        List<String> leads = revised(command.leads() == null ? null : List.copyOf(command.leads()), tactic.leads(), "leads", changed);
        String description = revised(command.description(), tactic.description(), "description", changed);
        LocalDate projected = revised(command.projectedCompletion(), tactic.projectedCompletion(), "projectedCompletion", changed);
        new FiscalYear(ffy).planDateRefusal(command.projectedCompletion()).ifPresent(refusal -> {
            throw CommandRefused.rule("tactic-must-fit-its-plan", "The projected completion does not fit the plan's cycle.",
                    new FieldProblem("projectedCompletion", refusal));
        });
        if (changed.isEmpty()) {
            throw CommandRefused.rule("revision-changes-something",
                    "The revision changes nothing: give at least one of title, leads, description, projectedCompletion with a new value.");
        }
        apply(new TacticRevised(planId, ffy, lcsa, command.tacticId(), title, leads, description, projected,
                List.copyOf(changed), command.reason(), amendment(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeTacticStatus command, MetaData metaData, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        requireNotClosed();
        Tactic tactic = changeableTactic(command.tacticId());
        if (tactic.status() == command.status()) {
            throw CommandRefused.state("tactic-status-changes", "The tactic is " + tactic.status() + " already.");
        }
        if (!TacticTransitions.allowed(tactic.status(), command.status())) {
            throw CommandRefused.state("tactic-status-transition", "A " + tactic.status() + " tactic can move to "
                    + TacticTransitions.from(tactic.status()) + ", not to " + command.status() + ".");
        }
        LocalDate today = LocalDate.now(clock.withZone(CycleTerms.CALIFORNIA));
        if (command.status() == TacticStatus.COMPLETED && command.actualCompletion() == null) {
            throw CommandRefused.rule("completion-date-when-completed", "A COMPLETED tactic needs its actual completion date.",
                    new FieldProblem("actualCompletion", "is required when the status is COMPLETED"));
        }
        if (command.status() != TacticStatus.COMPLETED && command.actualCompletion() != null) {
            throw CommandRefused.rule("completion-date-when-completed", "Only a COMPLETED tactic has an actual completion date.",
                    new FieldProblem("actualCompletion", "is only given with the status COMPLETED"));
        }
        new FiscalYear(ffy).planDateRefusal(command.actualCompletion()).ifPresent(refusal -> {
            throw CommandRefused.rule("tactic-must-fit-its-plan", "The actual completion does not fit the plan's cycle.",
                    new FieldProblem("actualCompletion", refusal));
        });
        if (command.actualCompletion() != null && command.actualCompletion().isAfter(today)) {
            throw CommandRefused.rule("completion-date-not-in-future", "A tactic cannot be completed in the future.",
                    new FieldProblem("actualCompletion", "must not be after today (" + today + ")"));
        }
        if (TacticTransitions.reopens(tactic.status(), command.status()) && blank(command.comment())) {
            throw CommandRefused.rule("reopening-needs-comment", "Reopening a completed tactic needs a comment saying why.",
                    new FieldProblem("comment", "is required to reopen a COMPLETED tactic"));
        }
        apply(new TacticStatusChanged(planId, ffy, lcsa, command.tacticId(), tactic.status(), command.status(),
                command.actualCompletion(), command.comment(), amendment(), clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawTactic command, MetaData metaData, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        requireNotClosed();
        changeableTactic(command.tacticId());
        requireReason(command.reason(), "withdrawal-needs-reason", "Withdrawing a tactic");
        apply(new TacticWithdrawn(planId, ffy, lcsa, command.tacticId(), command.reason(), amendment(), clock.instant()));
    }

    // ---- submission and review -----------------------------------------------------------------

    @CommandHandler
    void handle(SubmitPlan command, MetaData metaData, PlanningCycles cycles, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        if (status != PlanStatus.DRAFT && status != PlanStatus.RETURNED) {
            throw CommandRefused.state("only-draft-or-returned-plan-is-submitted",
                    "The plan is " + status + "; only a DRAFT or RETURNED plan can be submitted.");
        }
        CycleTerms terms = cycles.termsOf(ffy);
        refuseIfAny(missingForSubmission(terms), "submission-rules-of-the-cycle",
                "The plan does not yet meet the FFY " + ffy + " cycle's submission rules");
        Instant now = clock.instant();
        int daysLate = daysLate(terms.planDueDate(), now);
        apply(new PlanSubmitted(planId, ffy, lcsa, submissions + 1, terms.planDueDate(), daysLate > 0, daysLate, now));
    }

    @CommandHandler
    void handle(ReviewPlan command, MetaData metaData, Agencies agencies, Clock clock) {
        Caller caller = Caller.fromMap(metaData);
        String region = requireRegionalAdminOfPlan(caller, agencies);
        if (status != PlanStatus.SUBMITTED) {
            throw CommandRefused.state("only-submitted-plan-is-reviewed",
                    "The plan is " + status + "; only a SUBMITTED plan is reviewed.");
        }
        if (command.decision() == ReviewDecision.RETURN) {
            if (blank(command.comments())) {
                throw CommandRefused.rule("return-needs-comments", "A returned plan needs comments saying what to revise.",
                        new FieldProblem("comments", "is required when the decision is RETURN"));
            }
            apply(new PlanReturned(planId, ffy, lcsa, submissions, caller.subject(), region, command.comments(), clock.instant()));
        } else {
            apply(new PlanApproved(planId, ffy, lcsa, submissions, caller.subject(), region,
                    blank(command.comments()) ? null : command.comments(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(CommentOnPlan command, MetaData metaData, Agencies agencies, Clock clock) {
        Caller caller = Caller.fromMap(metaData);
        String region = requireRegionalAdminOfPlan(caller, agencies);
        if (command.entryId() != null && !entries.containsKey(command.entryId())) {
            throw CommandRefused.rule("comment-names-an-entry-of-the-plan", "Entry " + command.entryId() + " is not in this plan.",
                    new FieldProblem("entryId", "is not an entry of this plan"));
        }
        apply(new PlanCommented(planId, ffy, lcsa, command.entryId(), caller.subject(), region, command.comment(), clock.instant()));
    }

    // ---- quarterly progress and final results --------------------------------------------------

    @CommandHandler
    void handle(RecordQuarterlyProgress command, MetaData metaData, PlanningCycles cycles, Clock clock) {
        Caller caller = Caller.fromMap(metaData);
        boolean afterClose = status == PlanStatus.CLOSED;
        if (afterClose) {
            if (!caller.has(Role.STATE_ADMIN)) {
                throw CommandRefused.forbidden("closed-plan-corrected-by-state-admin-only",
                        "The plan is closed: only a STATE_ADMIN may still correct its quarterly progress.");
            }
            requireReason(command.reason(), "after-close-correction-needs-reason", "A correction after the plan closed");
        } else {
            requireActsFor(caller, lcsa);
        }
        if (status == PlanStatus.DRAFT) {
            throw CommandRefused.state("progress-after-submission",
                    "Quarterly progress is recorded once the plan has been submitted; it is still a DRAFT.");
        }
        Entry entry = activeEntry(command.entryId());
        UnitRange.refusal(entry.unit(), command.value()).ifPresent(refusal -> {
            throw CommandRefused.rule("value-fits-its-unit", "The value does not fit the measurement's unit " + entry.unit() + ".",
                    new FieldProblem("value", refusal));
        });
        CycleTerms terms = cycles.termsOf(ffy);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CycleTerms.CALIFORNIA);
        LocalDate begins = command.quarter().firstDay(ffy);
        if (today.isBefore(begins)) {
            throw CommandRefused.rule("quarter-must-have-begun", "FFY " + ffy + " " + command.quarter() + " begins on "
                    + begins + "; its progress cannot be recorded before.",
                    new FieldProblem("quarter", command.quarter() + " has not begun (it begins " + begins + ")"));
        }
        Progress previous = entry.progress().get(command.quarter());
        if (previous != null) {
            requireReason(command.reason(), "correction-needs-reason",
                    command.quarter() + " was recorded already: recording it again is a correction, which");
        }
        LocalDate due = terms.dueDateOf(command.quarter()).orElse(null);
        int daysLate = due == null ? 0 : daysLate(due, now);
        apply(new QuarterlyProgressRecorded(planId, ffy, lcsa, command.entryId(), entry.indicator(), command.quarter(),
                command.value(), command.narrative(), due, daysLate > 0, daysLate, previous != null,
                previous == null ? null : previous.value(), previous == null ? null : previous.narrative(),
                blank(command.reason()) ? null : command.reason(), afterClose, now));
    }

    @CommandHandler
    FinalResultsOutcome handle(SubmitFinalResults command, MetaData metaData, PlanningCycles cycles, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        if (status != PlanStatus.APPROVED) {
            throw CommandRefused.state("final-results-of-approved-plan",
                    "The plan is " + status + "; final results close an APPROVED plan.");
        }
        Instant now = clock.instant();
        LocalDate q4 = Quarter.Q4.firstDay(ffy);
        if (LocalDate.ofInstant(now, CycleTerms.CALIFORNIA).isBefore(q4)) {
            throw CommandRefused.rule("final-results-once-q4-begins", "Final results come once FFY " + ffy
                    + " Q4 has begun (" + q4 + ").");
        }
        List<MissingQ4Value> missing = new ArrayList<>();
        entries.forEach((entryId, entry) -> {
            Progress q4Progress = entry.progress().get(Quarter.Q4);
            if (!entry.removed() && (q4Progress == null || q4Progress.value() == null)) {
                missing.add(new MissingQ4Value(entryId, entry.goal(), entry.indicator(), entry.measurementTitle()));
            }
        });
        LocalDate due = cycles.termsOf(ffy).dueDateOf(Quarter.Q4).orElse(null);
        int daysLate = due == null ? 0 : daysLate(due, now);
        apply(new FinalResultsSubmitted(planId, ffy, lcsa, command.narrative(),
                missing.stream().map(MissingQ4Value::entryId).toList(), due, daysLate > 0, daysLate, now));
        return new FinalResultsOutcome(List.copyOf(missing));
    }

    // ---- state ---------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PlanDrafted event) {
        planId = event.planId();
        ffy = event.ffy();
        lcsa = event.lcsa();
        status = PlanStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(PlanEntryAdded event) {
        entries.put(event.entryId(), Entry.of(event));
    }

    @EventSourcingHandler
    void on(MeasurementRevised event) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.withMeasurement(event.baseline(), event.target()));
    }

    @EventSourcingHandler
    void on(PlanEntryRemoved event) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.asRemoved());
    }

    @EventSourcingHandler
    void on(TacticAdded event) {
        tactics.put(event.tacticId(), Tactic.of(event));
    }

    @EventSourcingHandler
    void on(TacticRevised event) {
        tactics.computeIfPresent(event.tacticId(), (id, tactic) -> tactic.revisedBy(event));
    }

    @EventSourcingHandler
    void on(TacticStatusChanged event) {
        tactics.computeIfPresent(event.tacticId(), (id, tactic) -> tactic.withStatus(event.status()));
    }

    @EventSourcingHandler
    void on(TacticWithdrawn event) {
        tactics.computeIfPresent(event.tacticId(), (id, tactic) -> tactic.asWithdrawn());
    }

    @EventSourcingHandler
    void on(PlanSubmitted event) {
        status = PlanStatus.SUBMITTED;
        submissions = event.submission();
    }

    @EventSourcingHandler
    void on(PlanApproved event) {
        status = PlanStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(PlanReturned event) {
        status = PlanStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(QuarterlyProgressRecorded event) {
        entries.computeIfPresent(event.entryId(),
                (id, entry) -> entry.withProgress(event.quarter(), new Progress(event.value(), event.narrative())));
    }

    @EventSourcingHandler
    void on(FinalResultsSubmitted event) {
        status = PlanStatus.CLOSED;
    }

    // ---- rules shared by several commands ------------------------------------------------------

    /** Agency roles act only for their own agency's plan; SERVICE apps as their {@code lcsa} claim allows. */
    static void requireActsFor(Caller caller, String agency) {
        if (!caller.actsFor(agency)) {
            throw CommandRefused.forbidden("own-agency-only",
                    "Only " + agency + "'s own LCSA_EDITOR or a SERVICE app acting for it may change its plan.");
        }
    }

    /** Only a REGIONAL_ADMIN whose region is the plan's agency's region; answers that region. */
    private String requireRegionalAdminOfPlan(Caller caller, Agencies agencies) {
        String region = agencies.regionOf(lcsa).orElse(null);
        if (!caller.has(Role.REGIONAL_ADMIN) || caller.region() == null || !caller.region().equals(region)) {
            throw CommandRefused.forbidden("regional-admin-of-the-plans-region",
                    "Only a REGIONAL_ADMIN of the " + region + " region reviews and comments on " + lcsa + "'s plan.");
        }
        return region;
    }

    /** Entries change while the plan is drafted, returned for revision, or approved (as amendments). */
    private void requireEntriesEditable() {
        requireNotClosed();
        if (status == PlanStatus.SUBMITTED) {
            throw CommandRefused.state("submitted-plan-is-under-review",
                    "The plan is under review (SUBMITTED); its entries change once it is approved or returned.");
        }
    }

    private void requireNotClosed() {
        if (status == PlanStatus.CLOSED) {
            throw CommandRefused.state("closed-plan-changes-no-more",
                    "The plan is closed (final results submitted); it changes no more.");
        }
    }

    /** Changes to an approved plan are amendments the reviewer sees. */
    private boolean amendment() {
        return status == PlanStatus.APPROVED;
    }

    private Entry activeEntry(String entryId) {
        Entry entry = entries.get(entryId);
        if (entry == null) {
            throw CommandRefused.notFound("entry-not-found", "The plan has no entry " + entryId + ".");
        }
        if (entry.removed()) {
            throw CommandRefused.state("removed-entry-changes-no-more", "Entry " + entryId + " was removed from the plan.");
        }
        return entry;
    }

    private Tactic changeableTactic(String tacticId) {
        Tactic tactic = tactics.get(tacticId);
        if (tactic == null) {
            throw CommandRefused.notFound("tactic-not-found", "The plan has no tactic " + tacticId + ".");
        }
        if (tactic.withdrawn()) {
            throw CommandRefused.state("withdrawn-tactic-changes-no-more", "Tactic " + tacticId + " was withdrawn; it changes no more.");
        }
        return tactic;
    }

    /** An entry or tactic is added once, under an id the plan does not hold yet, up to the plan's limit. */
    private static void requireNew(Map<String, ?> held, String id, String what, String plural, int limit) {
        if (held.containsKey(id)) {
            throw CommandRefused.state(what + "-exists-already", "The plan holds " + what + " " + id + " already.");
        }
        if (held.size() >= limit) {
            throw CommandRefused.rule("plan-holds-at-most-" + limit + "-" + plural,
                    "The plan holds " + limit + " " + plural + " already, the most one plan holds.");
        }
    }

    private static void valueOfUnit(MeasureUnit unit, BigDecimal value, String field, List<FieldProblem> problems) {
        UnitRange.refusal(unit, value).ifPresent(refusal -> problems.add(new FieldProblem(field, refusal)));
    }

    private void initiativeMustBeOfCycle(CycleTerms terms, String code, String field, List<FieldProblem> problems) {
        if (code != null && terms.initiativeServedBy(code).isEmpty()) {
            problems.add(new FieldProblem(field, "initiative " + code + " is not a key initiative of the FFY " + ffy + " cycle"));
        }
    }

    /** Every item the cycle's submission rules still miss, all in one list. */
    private List<FieldProblem> missingForSubmission(CycleTerms terms) {
        List<FieldProblem> missing = new ArrayList<>();
        List<Map.Entry<String, Entry>> active = entries.entrySet().stream().filter(e -> !e.getValue().removed()).toList();
        if (active.isEmpty()) {
            missing.add(new FieldProblem("entries", "the plan has no entry"));
        }
        for (SubmissionRule rule : terms.submissionRules()) {
            switch (rule) {
                case EVERY_GOAL_ADDRESSED -> terms.goals().stream()
                        .filter(goal -> active.stream().noneMatch(e -> e.getValue().goal() == goal.number()))
                        .forEach(goal -> missing.add(new FieldProblem("goals",
                                "goal " + goal.number() + " (" + goal.title() + ") is addressed by no entry")));
                case MEASURABLE_TARGET_REQUIRED -> {
                    if (active.stream().noneMatch(e -> e.getValue().indicator() != null && e.getValue().target() != null)) {
                        missing.add(new FieldProblem("entries",
                                "no entry measures a Practice Indicator with a target"));
                    }
                }
                case REQUIRED_INITIATIVES_COVERED -> terms.initiativesRequiredOf(lcsa).stream()
                        .filter(initiative -> !covered(terms, initiative))
                        .forEach(initiative -> missing.add(new FieldProblem("keyInitiatives", "key initiative "
                                + initiative.code() + " (" + initiative.title() + ") is required of " + lcsa
                                + " and no entry or active tactic serves it")));
            }
        }
        return missing;
    }

    private boolean covered(CycleTerms terms, KeyInitiative initiative) {
        boolean byEntry = entries.values().stream().filter(e -> !e.removed() && e.initiative() != null)
                .anyMatch(e -> terms.initiativeServedBy(e.initiative()).filter(initiative::equals).isPresent());
        boolean byTactic = tactics.values().stream().filter(t -> !t.withdrawn() && t.initiative() != null)
                .anyMatch(t -> terms.initiativeServedBy(t.initiative()).filter(initiative::equals).isPresent());
        return byEntry || byTactic;
    }

    private static int daysLate(LocalDate due, Instant at) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(due, LocalDate.ofInstant(at, CycleTerms.CALIFORNIA)));
    }

    private static void refuseIfAny(List<FieldProblem> problems, String rule, String message) {
        if (!problems.isEmpty()) {
            throw CommandRefused.rule(rule, message + ": " + problems.size() + " problem(s).", problems);
        }
    }

    private static void requireReason(String reason, String rule, String what) {
        if (blank(reason)) {
            throw CommandRefused.rule(rule, what + " needs a reason.", new FieldProblem("reason", "is required"));
        }
    }

    private static <T> T revised(T proposed, T current, String field, List<String> changed) {
        if (proposed == null || Objects.equals(proposed, current)) {
            return current;
        }
        changed.add(field);
        return proposed;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

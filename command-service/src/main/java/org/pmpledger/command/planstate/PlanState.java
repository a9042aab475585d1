package org.pmpledger.command.planstate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEntryRemoved;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;

/**
 * One plan as its decisions see it: what it must remember of its events to decide the next command, folded by
 * {@link #evolve}. A value: every event gives a new one.
 *
 * @param submissions how many times it was submitted
 */
public record PlanState(
        String planId,
        int ffy,
        String lcsa,
        PlanStatus status,
        int submissions,
        Map<String, Entry> entries,
        Map<String, Tactic> tactics) {

    /** The most entries and tactics one plan holds (removed and withdrawn ones included). */
    public static final int MAX_ENTRIES = 100;

    public static final int MAX_TACTICS = 500;

    /** Before its first event. */
    public static final PlanState NONE = new PlanState(null, 0, null, null, 0, Map.of(), Map.of());

    /** Entries and tactics keep the order they were added in. */
    public PlanState {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        tactics = Collections.unmodifiableMap(new LinkedHashMap<>(tactics));
    }

    /** What the plan remembers of an entry. */
    public record Entry(
            int goal,
            String initiative,
            String indicator,
            String measurementTitle,
            MeasureUnit unit,
            BigDecimal baseline,
            BigDecimal target,
            boolean removed,
            Map<Quarter, Progress> progress) {}

    /** A quarter's recorded value and narrative. */
    public record Progress(BigDecimal value, String narrative) {}

    /** What the plan remembers of a tactic. */
    public record Tactic(
            String entryId,
            String initiative,
            String title,
            List<String> leads,
            String description,
            LocalDate projectedCompletion,
            TacticStatus status,
            boolean withdrawn) {}

    /** The plan after {@code event}. */
    public PlanState evolve(PlanEvent event) {
        return switch (event) {
            case PlanDrafted d -> new PlanState(d.planId(), d.ffy(), d.lcsa(), PlanStatus.DRAFT, 0, Map.of(), Map.of());
            case PlanEntryAdded a ->
                withEntry(
                        a.entryId(),
                        new Entry(
                                a.goal(),
                                a.initiative(),
                                a.measurement().indicator(),
                                a.measurement().title(),
                                a.measurement().unit(),
                                a.measurement().baseline(),
                                a.measurement().target(),
                                false,
                                Map.of()));
            case MeasurementRevised r ->
                withEntry(
                        r.entryId(),
                        entry(
                                r.entryId(),
                                e -> new Entry(
                                        e.goal(),
                                        e.initiative(),
                                        e.indicator(),
                                        e.measurementTitle(),
                                        e.unit(),
                                        r.baseline(),
                                        r.target(),
                                        e.removed(),
                                        e.progress())));
            case PlanEntryRemoved r ->
                withEntry(
                        r.entryId(),
                        entry(
                                r.entryId(),
                                e -> new Entry(
                                        e.goal(),
                                        e.initiative(),
                                        e.indicator(),
                                        e.measurementTitle(),
                                        e.unit(),
                                        e.baseline(),
                                        e.target(),
                                        true,
                                        e.progress())));
            case QuarterlyProgressRecorded q ->
                withEntry(q.entryId(), entry(q.entryId(), e -> {
                    Map<Quarter, Progress> progress = new EnumMap<>(Quarter.class);
                    progress.putAll(e.progress());
                    progress.put(q.quarter(), new Progress(q.value(), q.narrative()));
                    return new Entry(
                            e.goal(),
                            e.initiative(),
                            e.indicator(),
                            e.measurementTitle(),
                            e.unit(),
                            e.baseline(),
                            e.target(),
                            e.removed(),
                            Map.copyOf(progress));
                }));
            case TacticAdded a ->
                withTactic(
                        a.tacticId(),
                        new Tactic(
                                a.entryId(),
                                a.initiative(),
                                a.title(),
                                a.leads(),
                                a.description(),
                                a.projectedCompletion(),
                                TacticStatus.NOT_STARTED,
                                false));
            case TacticRevised r ->
                withTactic(
                        r.tacticId(),
                        tactic(
                                r.tacticId(),
                                t -> new Tactic(
                                        t.entryId(),
                                        t.initiative(),
                                        r.title(),
                                        r.leads(),
                                        r.description(),
                                        r.projectedCompletion(),
                                        t.status(),
                                        t.withdrawn())));
            case TacticStatusChanged c ->
                withTactic(
                        c.tacticId(),
                        tactic(
                                c.tacticId(),
                                t -> new Tactic(
                                        t.entryId(),
                                        t.initiative(),
                                        t.title(),
                                        t.leads(),
                                        t.description(),
                                        t.projectedCompletion(),
                                        c.status(),
                                        t.withdrawn())));
            case TacticWithdrawn w ->
                withTactic(
                        w.tacticId(),
                        tactic(
                                w.tacticId(),
                                t -> new Tactic(
                                        t.entryId(),
                                        t.initiative(),
                                        t.title(),
                                        t.leads(),
                                        t.description(),
                                        t.projectedCompletion(),
                                        t.status(),
                                        true)));
            case PlanSubmitted s ->
                new PlanState(planId, ffy, lcsa, PlanStatus.SUBMITTED, s.submission(), entries, tactics);
            case PlanApproved a -> withStatus(PlanStatus.APPROVED);
            case PlanReturned r -> withStatus(PlanStatus.RETURNED);
            case FinalResultsSubmitted f -> withStatus(PlanStatus.CLOSED);
            case PlanCommented c -> this;
            default -> this;
        };
    }

    // ---- what the plan's state says of the next command -----------------------------------------------

    /** Entries change while the plan is drafted, returned for revision, or approved (as amendments). */
    public void requireEntriesEditable() {
        requireNotClosed();
        if (status == PlanStatus.SUBMITTED) {
            throw CommandRefused.state(
                    "submitted-plan-is-under-review",
                    "The plan is under review (SUBMITTED); its entries change once it is approved or returned.");
        }
    }

    public void requireNotClosed() {
        if (status == PlanStatus.CLOSED) {
            throw CommandRefused.state(
                    "closed-plan-changes-no-more", "The plan is closed (final results submitted); it changes no more.");
        }
    }

    /** Changes to an approved plan are amendments the reviewer sees. */
    public boolean amendment() {
        return status == PlanStatus.APPROVED;
    }

    public Entry activeEntry(String entryId) {
        Entry entry = entries.get(entryId);
        if (entry == null) {
            throw CommandRefused.notFound("entry-not-found", "The plan has no entry " + entryId + ".");
        }
        if (entry.removed()) {
            throw CommandRefused.state(
                    "removed-entry-changes-no-more", "Entry " + entryId + " was removed from the plan.");
        }
        return entry;
    }

    public Tactic changeableTactic(String tacticId) {
        Tactic tactic = tactics.get(tacticId);
        if (tactic == null) {
            throw CommandRefused.notFound("tactic-not-found", "The plan has no tactic " + tacticId + ".");
        }
        if (tactic.withdrawn()) {
            throw CommandRefused.state(
                    "withdrawn-tactic-changes-no-more", "Tactic " + tacticId + " was withdrawn; it changes no more.");
        }
        return tactic;
    }

    /** An entry is added once, under an id the plan does not hold yet, up to {@link #MAX_ENTRIES}. */
    public void requireNewEntry(String entryId) {
        requireNew(entries, entryId, "entry", "entries", MAX_ENTRIES);
    }

    /** A tactic is added once, under an id the plan does not hold yet, up to {@link #MAX_TACTICS}. */
    public void requireNewTactic(String tacticId) {
        requireNew(tactics, tacticId, "tactic", "tactics", MAX_TACTICS);
    }

    private static void requireNew(Map<String, ?> held, String id, String what, String plural, int limit) {
        if (held.containsKey(id)) {
            throw CommandRefused.state(what + "-exists-already", "The plan holds " + what + " " + id + " already.");
        }
        if (held.size() >= limit) {
            throw CommandRefused.rule(
                    "plan-holds-at-most-" + limit + "-" + plural,
                    "The plan holds " + limit + " " + plural + " already, the most one plan holds.");
        }
    }

    private PlanState withEntry(String entryId, Entry entry) {
        if (entry == null) {
            return this; // an event of an entry the plan does not hold changes nothing
        }
        Map<String, Entry> changed = new LinkedHashMap<>(entries);
        changed.put(entryId, entry);
        return new PlanState(planId, ffy, lcsa, status, submissions, changed, tactics);
    }

    private PlanState withTactic(String tacticId, Tactic tactic) {
        if (tactic == null) {
            return this;
        }
        Map<String, Tactic> changed = new LinkedHashMap<>(tactics);
        changed.put(tacticId, tactic);
        return new PlanState(planId, ffy, lcsa, status, submissions, entries, changed);
    }

    private PlanState withStatus(PlanStatus newStatus) {
        return new PlanState(planId, ffy, lcsa, newStatus, submissions, entries, tactics);
    }

    private Entry entry(String entryId, UnaryOperator<Entry> change) {
        Entry entry = entries.get(entryId);
        return entry == null ? null : change.apply(entry);
    }

    private Tactic tactic(String tacticId, UnaryOperator<Tactic> change) {
        Tactic tactic = tactics.get(tacticId);
        return tactic == null ? null : change.apply(tactic);
    }
}

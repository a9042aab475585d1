package org.pmpledger.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.AssistanceRequestAdvanced;
import org.pmpledger.events.plan.AssistanceRequestCommented;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanChange;
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
import org.pmpledger.events.plan.ReviewKind;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;

/**
 * A plan's document folded from its events, in order: the same document the query side assembles from its
 * read models, computed here from the events alone (the auditors' "as of"). Pure: no I/O, no clock.
 *
 * <p>Rules of the fold (the query side's projections follow the same): a quarter recorded again is a
 * correction; it replaces value, narrative and recording instant, counts, keeps its reason, and never changes
 * the first recording's timeliness. A removed entry leaves the document with its tactics. A withdrawn tactic
 * shows the status {@code WITHDRAWN}. Changes flagged as amendments count and date the plan's amendments.
 */
public final class PlanReplay {

    /** The titles of a cycle's goals, objectives ({@code goal.objective}) and key initiatives (and sub-initiatives). */
    public record CycleTitles(
            Map<Integer, String> goals, Map<String, String> objectives, Map<String, String> initiatives) {

        public static final CycleTitles UNKNOWN = new CycleTitles(Map.of(), Map.of(), Map.of());

        public static CycleTitles of(PlanningCycleOpened opened) {
            Map<Integer, String> goals = new HashMap<>();
            Map<String, String> objectives = new HashMap<>();
            Map<String, String> initiatives = new HashMap<>();
            opened.goals().forEach(goal -> {
                goals.put(goal.number(), goal.title());
                goal.objectives().forEach(o -> objectives.put(goal.number() + "." + o.number(), o.title()));
            });
            opened.keyInitiatives().forEach(initiative -> {
                initiatives.put(initiative.code(), initiative.title());
                initiative.subInitiatives().forEach(sub -> initiatives.put(sub.code(), sub.title()));
            });
            return new CycleTitles(Map.copyOf(goals), Map.copyOf(objectives), Map.copyOf(initiatives));
        }
    }

    private final CycleTitles titles;
    private PlanDrafted drafted;
    private String status;
    private Instant submittedAt;
    private int submissions;
    private LocalDate dueDate;
    private Boolean late;
    private Integer daysLate;
    private Instant approvedAt;
    private Instant closedAt;
    private int amendments;
    private Instant lastAmendedAt;
    private long version;
    private long position;
    private final Map<String, EntryState> entries = new LinkedHashMap<>();
    private final Map<String, TacticState> tactics = new LinkedHashMap<>();
    private final List<PlanDocument.Review> reviews = new ArrayList<>();
    private final AssistanceReplay assistance = new AssistanceReplay();

    public PlanReplay(CycleTitles titles) {
        this.titles = titles;
    }

    /**
     * Folds the plan's next event.
     *
     * @param sequence its place in the plan's stream (0 = the drafting)
     * @param position its global position in the event store
     */
    public PlanReplay apply(PlanEvent event, long sequence, long position) {
        this.version = sequence + 1;
        this.position = position;
        if (event instanceof PlanChange change && change.amendment()) {
            amendments++;
            lastAmendedAt = change.changedAt();
        }
        switch (event) {
            case PlanDrafted d -> {
                drafted = d;
                status = PlanStatus.DRAFT.name();
            }
            case PlanSubmitted s -> {
                status = PlanStatus.SUBMITTED.name();
                submittedAt = s.submittedAt();
                submissions = s.submission();
                dueDate = s.dueDate();
                late = s.late();
                daysLate = s.daysLate();
            }
            case PlanApproved a -> {
                status = PlanStatus.APPROVED.name();
                approvedAt = a.approvedAt();
                reviews.add(new PlanDocument.Review(
                        ReviewKind.APPROVED.name(), a.reviewer(), a.region(), null, a.comments(), a.approvedAt()));
            }
            case PlanReturned r -> {
                status = PlanStatus.RETURNED.name();
                reviews.add(new PlanDocument.Review(
                        ReviewKind.RETURNED.name(), r.reviewer(), r.region(), null, r.comments(), r.returnedAt()));
            }
            case PlanCommented c ->
                reviews.add(new PlanDocument.Review(
                        ReviewKind.COMMENT.name(), c.author(), c.region(), c.entryId(), c.comment(), c.commentedAt()));
            case FinalResultsSubmitted f -> {
                status = PlanStatus.CLOSED.name();
                closedAt = f.submittedAt();
            }
            case PlanEntryAdded added -> entries.put(added.entryId(), new EntryState(added));
            case MeasurementRevised revised -> {
                EntryState entry = entries.get(revised.entryId());
                entry.baseline = revised.baseline();
                entry.target = revised.target();
            }
            case PlanEntryRemoved removed -> entries.remove(removed.entryId());
            case QuarterlyProgressRecorded recorded ->
                entries.get(recorded.entryId()).record(recorded);
            case TacticAdded added -> tactics.put(added.tacticId(), new TacticState(added));
            case TacticRevised revised -> {
                TacticState tactic = tactics.get(revised.tacticId());
                tactic.title = revised.title();
                tactic.leads = List.copyOf(revised.leads());
                tactic.description = revised.description();
                tactic.projectedCompletion = revised.projectedCompletion();
                tactic.changedAt = revised.revisedAt();
            }
            case TacticStatusChanged changed -> {
                TacticState tactic = tactics.get(changed.tacticId());
                tactic.status = changed.status().name();
                tactic.actualCompletion = changed.actualCompletion();
                tactic.changedAt = changed.changedAt();
            }
            case TacticWithdrawn withdrawn -> {
                TacticState tactic = tactics.get(withdrawn.tacticId());
                tactic.withdrawn = true;
                tactic.withdrawalReason = withdrawn.reason();
                tactic.changedAt = withdrawn.withdrawnAt();
            }
            case AssistanceRequested raised -> assistance.apply(raised);
            case AssistanceRequestAdvanced advanced -> assistance.apply(advanced);
            case AssistanceRequestCommented commented -> assistance.apply(commented);
        }
        return this;
    }

    /** The document after the events folded so far; empty before the plan's drafting. */
    public Optional<PlanDocument> document() {
        if (drafted == null) {
            return Optional.empty();
        }
        Map<String, List<PlanDocument.Tactic>> tacticsOfEntry = new HashMap<>();
        tactics.values()
                .forEach(t -> tacticsOfEntry
                        .computeIfAbsent(t.entryId, id -> new ArrayList<>())
                        .add(t.document()));
        List<PlanDocument.Entry> documentEntries = entries.values().stream()
                .map(e -> e.document(titles, tacticsOfEntry.getOrDefault(e.added.entryId(), List.of())))
                .toList();
        return Optional.of(new PlanDocument(
                drafted.planId(),
                drafted.ffy(),
                drafted.lcsa(),
                drafted.title(),
                status,
                drafted.draftedAt(),
                submittedAt,
                submissions,
                dueDate,
                late,
                daysLate,
                approvedAt,
                closedAt,
                amendments,
                lastAmendedAt,
                documentEntries,
                List.copyOf(reviews),
                assistance.documents(),
                version,
                position));
    }

    private static final class EntryState {
        private final PlanEntryAdded added;
        private BigDecimal baseline;
        private BigDecimal target;
        private final Map<Quarter, QuarterState> quarters = new EnumMap<>(Quarter.class);

        EntryState(PlanEntryAdded added) {
            this.added = added;
            this.baseline = added.measurement().baseline();
            this.target = added.measurement().target();
        }

        void record(QuarterlyProgressRecorded recorded) {
            QuarterState quarter = quarters.get(recorded.quarter());
            if (!recorded.correction() || quarter == null) {
                quarters.put(recorded.quarter(), new QuarterState(recorded));
                return;
            }
            quarter.value = recorded.value();
            quarter.narrative = recorded.narrative();
            quarter.recordedAt = recorded.recordedAt();
            quarter.lastReason = recorded.reason();
            quarter.corrections++;
            quarter.afterClose |= recorded.afterClose();
        }

        PlanDocument.Entry document(CycleTitles titles, List<PlanDocument.Tactic> tactics) {
            var m = added.measurement();
            Integer objective = added.objective();
            return new PlanDocument.Entry(
                    added.entryId(),
                    new PlanDocument.Titled(
                            String.valueOf(added.goal()), titles.goals().get(added.goal())),
                    objective == null
                            ? null
                            : new PlanDocument.Titled(
                                    String.valueOf(objective),
                                    titles.objectives().get(added.goal() + "." + objective)),
                    added.objectiveText(),
                    added.strategy(),
                    added.initiative() == null
                            ? null
                            : new PlanDocument.Titled(
                                    added.initiative(), titles.initiatives().get(added.initiative())),
                    new PlanDocument.Measurement(
                            m.indicator(),
                            m.title(),
                            m.unit() == null ? null : m.unit().name(),
                            baseline,
                            target),
                    quarters.values().stream().map(QuarterState::document).toList(),
                    tactics,
                    added.amendment(),
                    added.addedAt());
        }
    }

    private static final class QuarterState {
        private final QuarterlyProgressRecorded first;
        private BigDecimal value;
        private String narrative;
        private Instant recordedAt;
        private int corrections;
        private String lastReason;
        private boolean afterClose;

        QuarterState(QuarterlyProgressRecorded first) {
            this.first = first;
            this.value = first.value();
            this.narrative = first.narrative();
            this.recordedAt = first.recordedAt();
            this.lastReason = first.reason();
            this.afterClose = first.afterClose();
        }

        PlanDocument.QuarterlyUpdate document() {
            return new PlanDocument.QuarterlyUpdate(
                    first.quarter().name(),
                    value,
                    narrative,
                    first.dueDate(),
                    first.recordedAt(),
                    first.late(),
                    first.daysLate(),
                    recordedAt,
                    corrections,
                    lastReason,
                    afterClose);
        }
    }

    private static final class TacticState {
        private final TacticAdded added;
        private final String entryId;
        private String title;
        private List<String> leads;
        private String description;
        private LocalDate projectedCompletion;
        private String status = TacticStatus.NOT_STARTED.name();
        private LocalDate actualCompletion;
        private boolean withdrawn;
        private String withdrawalReason;
        private Instant changedAt;

        TacticState(TacticAdded added) {
            this.added = added;
            this.entryId = added.entryId();
            this.title = added.title();
            this.leads = List.copyOf(added.leads());
            this.description = added.description();
            this.projectedCompletion = added.projectedCompletion();
            this.changedAt = added.addedAt();
        }

        PlanDocument.Tactic document() {
            return new PlanDocument.Tactic(
                    added.tacticId(),
                    title,
                    leads,
                    description,
                    TacticStatus.shown(status, withdrawn),
                    projectedCompletion,
                    actualCompletion,
                    added.initiative(),
                    withdrawn,
                    withdrawalReason,
                    added.amendment(),
                    changedAt);
        }
    }
}

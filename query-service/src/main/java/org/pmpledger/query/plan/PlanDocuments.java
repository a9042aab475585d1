package org.pmpledger.query.plan;

import static org.pmpledger.query.jooq.Tables.ASSISTANCE_NOTE;
import static org.pmpledger.query.jooq.Tables.ASSISTANCE_REQUEST;
import static org.pmpledger.query.jooq.Tables.CYCLE_GOAL;
import static org.pmpledger.query.jooq.Tables.CYCLE_INITIATIVE;
import static org.pmpledger.query.jooq.Tables.CYCLE_OBJECTIVE;
import static org.pmpledger.query.jooq.Tables.PLAN_COMMENT;
import static org.pmpledger.query.jooq.Tables.PLAN_ENTRY;
import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_TACTIC;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.query.jooq.tables.records.PlanEntryRecord;
import org.pmpledger.query.jooq.tables.records.PlanSummaryRecord;

/** Assembles one plan's document from the read models, in one transaction-free read of a few small queries. */
@Component
class PlanDocuments {

    private final DSLContext db;

    PlanDocuments(DSLContext db) {
        this.db = db;
    }

    Optional<PlanDocument> find(String planId) {
        PlanSummaryRecord plan = db.selectFrom(PLAN_SUMMARY)
                .where(PLAN_SUMMARY.PLAN_ID.eq(planId))
                .fetchOne();
        if (plan == null) {
            return Optional.empty();
        }
        int ffy = plan.getFfy();
        Map<Integer, String> goals = new HashMap<>();
        db.selectFrom(CYCLE_GOAL).where(CYCLE_GOAL.FFY.eq(ffy)).forEach(g -> goals.put(g.getGoal(), g.getTitle()));
        Map<String, String> objectives = new HashMap<>();
        db.selectFrom(CYCLE_OBJECTIVE)
                .where(CYCLE_OBJECTIVE.FFY.eq(ffy))
                .forEach(o -> objectives.put(o.getGoal() + "." + o.getObjective(), o.getTitle()));
        Map<String, String> initiatives = new HashMap<>();
        db.selectFrom(CYCLE_INITIATIVE)
                .where(CYCLE_INITIATIVE.FFY.eq(ffy))
                .forEach(i -> initiatives.put(i.getCode(), i.getTitle()));

        Map<String, List<PlanDocument.QuarterlyUpdate>> quarters = new HashMap<>();
        db.selectFrom(QUARTERLY_UPDATE)
                .where(QUARTERLY_UPDATE.PLAN_ID.eq(planId))
                .orderBy(QUARTERLY_UPDATE.QUARTER)
                .forEach(q -> quarters.computeIfAbsent(q.getEntryId(), id -> new ArrayList<>())
                        .add(new PlanDocument.QuarterlyUpdate(
                                q.getQuarter(),
                                q.getValue(),
                                q.getNarrative(),
                                q.getDueDate(),
                                instant(q.getFirstRecordedAt()),
                                q.getFirstLate(),
                                q.getFirstDaysLate(),
                                instant(q.getRecordedAt()),
                                q.getCorrections(),
                                q.getLastReason(),
                                q.getAfterClose())));
        Map<String, List<PlanDocument.Tactic>> tactics = new HashMap<>();
        db.selectFrom(PLAN_TACTIC)
                .where(PLAN_TACTIC.PLAN_ID.eq(planId))
                .orderBy(PLAN_TACTIC.POSITION)
                .forEach(t -> tactics.computeIfAbsent(t.getEntryId(), id -> new ArrayList<>())
                        .add(new PlanDocument.Tactic(
                                t.getTacticId(),
                                t.getTitle(),
                                List.of(t.getLeads()),
                                t.getDescription(),
                                TacticStatus.shown(t.getStatus(), t.getWithdrawn()),
                                t.getProjectedCompletion(),
                                t.getActualCompletion(),
                                t.getInitiative(),
                                t.getWithdrawn(),
                                t.getWithdrawalReason(),
                                t.getAmendment(),
                                instant(t.getChangedAt()))));
        List<PlanDocument.Entry> entries = db.selectFrom(PLAN_ENTRY)
                .where(PLAN_ENTRY.PLAN_ID.eq(planId), PLAN_ENTRY.REMOVED.isFalse())
                .orderBy(PLAN_ENTRY.POSITION)
                .fetch(e -> entry(e, goals, objectives, initiatives, quarters, tactics));
        List<PlanDocument.Review> reviews = db.selectFrom(PLAN_COMMENT)
                .where(PLAN_COMMENT.PLAN_ID.eq(planId))
                .orderBy(PLAN_COMMENT.SEQUENCE)
                .fetch(c -> new PlanDocument.Review(
                        c.getKind(),
                        c.getAuthor(),
                        c.getRegion(),
                        c.getEntryId(),
                        c.getComment(),
                        instant(c.getCommentedAt())));
        return Optional.of(new PlanDocument(
                plan.getPlanId(),
                ffy,
                plan.getLcsa(),
                plan.getTitle(),
                plan.getStatus(),
                instant(plan.getDraftedAt()),
                instant(plan.getSubmittedAt()),
                plan.getSubmissions(),
                plan.getDueDate(),
                plan.getLate(),
                plan.getDaysLate(),
                instant(plan.getApprovedAt()),
                instant(plan.getClosedAt()),
                plan.getAmendments(),
                instant(plan.getLastAmendedAt()),
                entries,
                reviews,
                assistanceRequests(planId),
                plan.getVersion(),
                plan.getLastPosition()));
    }

    private List<PlanDocument.AssistanceRequest> assistanceRequests(String planId) {
        Map<String, List<PlanDocument.AssistanceNote>> notes = new HashMap<>();
        db.selectFrom(ASSISTANCE_NOTE)
                .where(ASSISTANCE_NOTE.PLAN_ID.eq(planId))
                .orderBy(ASSISTANCE_NOTE.SEQUENCE)
                .forEach(n -> notes.computeIfAbsent(n.getRequestId(), id -> new ArrayList<>())
                        .add(new PlanDocument.AssistanceNote(
                                n.getKind(),
                                n.getAuthor(),
                                n.getRole(),
                                n.getRegion(),
                                n.getNote(),
                                instant(n.getNotedAt()))));
        return db.selectFrom(ASSISTANCE_REQUEST)
                .where(ASSISTANCE_REQUEST.PLAN_ID.eq(planId))
                .orderBy(ASSISTANCE_REQUEST.SEQUENCE)
                .fetch(r -> new PlanDocument.AssistanceRequest(
                        r.getRequestId(),
                        r.getEntryId(),
                        r.getTacticId(),
                        r.getNeed(),
                        r.getFromWhom(),
                        r.getNeededBy(),
                        r.getStatus(),
                        r.getRaisedBy(),
                        instant(r.getRequestedAt()),
                        notes.getOrDefault(r.getRequestId(), List.of())));
    }

    private static PlanDocument.Entry entry(
            PlanEntryRecord e,
            Map<Integer, String> goals,
            Map<String, String> objectives,
            Map<String, String> initiatives,
            Map<String, List<PlanDocument.QuarterlyUpdate>> quarters,
            Map<String, List<PlanDocument.Tactic>> tactics) {
        return new PlanDocument.Entry(
                e.getEntryId(),
                new PlanDocument.Titled(String.valueOf(e.getGoal()), goals.get(e.getGoal())),
                e.getObjective() == null
                        ? null
                        : new PlanDocument.Titled(
                                String.valueOf(e.getObjective()), objectives.get(e.getGoal() + "." + e.getObjective())),
                e.getObjectiveText(),
                e.getStrategy(),
                e.getInitiative() == null
                        ? null
                        : new PlanDocument.Titled(e.getInitiative(), initiatives.get(e.getInitiative())),
                new PlanDocument.Measurement(
                        e.getIndicator(), e.getMeasurementTitle(), e.getUnit(), e.getBaseline(), e.getTarget()),
                quarters.getOrDefault(e.getEntryId(), List.of()),
                tactics.getOrDefault(e.getEntryId(), List.of()),
                e.getAmendment(),
                instant(e.getAddedAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

package org.pmpledger.query.plan;

import static org.pmpledger.query.jooq.Tables.PLAN_COMMENT;
import static org.pmpledger.query.jooq.Tables.PLAN_ENTRY;
import static org.pmpledger.query.jooq.Tables.PLAN_TACTIC;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;
import static org.pmpledger.query.plan.PlanSummaryProjection.utc;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEntryRemoved;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;
import org.pmpledger.query.intake.Projection;
import org.pmpledger.query.intake.PublishedEvent;
import org.springframework.stereotype.Component;

/**
 * Folds a plan's content into {@code plan_entry}, {@code quarterly_update}, {@code plan_tactic} and
 * {@code plan_comment}. A quarter recorded again replaces the value (the correction is counted and
 * its reason kept) but never the first recording's timeliness.
 */
@Component
class PlanContentProjection implements Projection {

    private final DSLContext db;

    PlanContentProjection(DSLContext db) {
        this.db = db;
    }

    @Override
    public void fold(PublishedEvent published, List<Query> writes) {
        switch (published.event().orElseThrow()) {
            case PlanEntryAdded added -> writes.add(db.insertInto(PLAN_ENTRY)
                    .set(PLAN_ENTRY.PLAN_ID, added.planId())
                    .set(PLAN_ENTRY.ENTRY_ID, added.entryId())
                    .set(PLAN_ENTRY.FFY, added.ffy())
                    .set(PLAN_ENTRY.LCSA, added.lcsa())
                    .set(PLAN_ENTRY.GOAL, added.goal())
                    .set(PLAN_ENTRY.OBJECTIVE, added.objective())
                    .set(PLAN_ENTRY.OBJECTIVE_TEXT, added.objectiveText())
                    .set(PLAN_ENTRY.STRATEGY, added.strategy())
                    .set(PLAN_ENTRY.INITIATIVE, added.initiative())
                    .set(PLAN_ENTRY.INDICATOR, added.measurement().indicator())
                    .set(PLAN_ENTRY.MEASUREMENT_TITLE, added.measurement().title())
                    .set(PLAN_ENTRY.UNIT, added.measurement().unit() == null ? null : added.measurement().unit().name())
                    .set(PLAN_ENTRY.BASELINE, added.measurement().baseline())
                    .set(PLAN_ENTRY.TARGET, added.measurement().target())
                    .set(PLAN_ENTRY.AMENDMENT, added.amendment())
                    .set(PLAN_ENTRY.ADDED_AT, utc(added.addedAt()))
                    .set(PLAN_ENTRY.POSITION, published.position())
                    .onConflictDoNothing());
            case MeasurementRevised revised -> writes.add(db.update(PLAN_ENTRY)
                    .set(PLAN_ENTRY.BASELINE, revised.baseline())
                    .set(PLAN_ENTRY.TARGET, revised.target())
                    .where(PLAN_ENTRY.PLAN_ID.eq(revised.planId()), PLAN_ENTRY.ENTRY_ID.eq(revised.entryId())));
            case PlanEntryRemoved removed -> writes.add(db.update(PLAN_ENTRY)
                    .set(PLAN_ENTRY.REMOVED, true)
                    .where(PLAN_ENTRY.PLAN_ID.eq(removed.planId()), PLAN_ENTRY.ENTRY_ID.eq(removed.entryId())));
            case QuarterlyProgressRecorded recorded -> writes.add(quarter(recorded));
            case TacticAdded added -> writes.add(db.insertInto(PLAN_TACTIC)
                    .set(PLAN_TACTIC.PLAN_ID, added.planId())
                    .set(PLAN_TACTIC.TACTIC_ID, added.tacticId())
                    .set(PLAN_TACTIC.FFY, added.ffy())
                    .set(PLAN_TACTIC.LCSA, added.lcsa())
                    .set(PLAN_TACTIC.ENTRY_ID, added.entryId())
                    .set(PLAN_TACTIC.TITLE, added.title())
                    .set(PLAN_TACTIC.LEADS, added.leads().toArray(String[]::new))
                    .set(PLAN_TACTIC.DESCRIPTION, added.description())
                    .set(PLAN_TACTIC.PROJECTED_COMPLETION, added.projectedCompletion())
                    .set(PLAN_TACTIC.INITIATIVE, added.initiative())
                    .set(PLAN_TACTIC.STATUS, "NOT_STARTED")
                    .set(PLAN_TACTIC.AMENDMENT, added.amendment())
                    .set(PLAN_TACTIC.ADDED_AT, utc(added.addedAt()))
                    .set(PLAN_TACTIC.CHANGED_AT, utc(added.addedAt()))
                    .set(PLAN_TACTIC.POSITION, published.position())
                    .onConflictDoNothing());
            case TacticRevised revised -> writes.add(db.update(PLAN_TACTIC)
                    .set(PLAN_TACTIC.TITLE, revised.title())
                    .set(PLAN_TACTIC.LEADS, revised.leads().toArray(String[]::new))
                    .set(PLAN_TACTIC.DESCRIPTION, revised.description())
                    .set(PLAN_TACTIC.PROJECTED_COMPLETION, revised.projectedCompletion())
                    .set(PLAN_TACTIC.CHANGED_AT, utc(revised.revisedAt()))
                    .where(PLAN_TACTIC.PLAN_ID.eq(revised.planId()), PLAN_TACTIC.TACTIC_ID.eq(revised.tacticId())));
            case TacticStatusChanged changed -> writes.add(db.update(PLAN_TACTIC)
                    .set(PLAN_TACTIC.STATUS, changed.status().name())
                    .set(PLAN_TACTIC.ACTUAL_COMPLETION, changed.actualCompletion())
                    .set(PLAN_TACTIC.CHANGED_AT, utc(changed.changedAt()))
                    .where(PLAN_TACTIC.PLAN_ID.eq(changed.planId()), PLAN_TACTIC.TACTIC_ID.eq(changed.tacticId())));
            case TacticWithdrawn withdrawn -> writes.add(db.update(PLAN_TACTIC)
                    .set(PLAN_TACTIC.WITHDRAWN, true)
                    .set(PLAN_TACTIC.WITHDRAWAL_REASON, withdrawn.reason())
                    .set(PLAN_TACTIC.CHANGED_AT, utc(withdrawn.withdrawnAt()))
                    .where(PLAN_TACTIC.PLAN_ID.eq(withdrawn.planId()), PLAN_TACTIC.TACTIC_ID.eq(withdrawn.tacticId())));
            case PlanCommented commented -> writes.add(comment(published, commented.planId(), commented.entryId(),
                    commented.author(), commented.region(), "COMMENT", commented.comment(), commented.commentedAt()));
            case PlanReturned returned -> writes.add(comment(published, returned.planId(), null, returned.reviewer(),
                    returned.region(), "RETURNED", returned.comments(), returned.returnedAt()));
            case PlanApproved approved -> writes.add(comment(published, approved.planId(), null, approved.reviewer(),
                    approved.region(), "APPROVED", approved.comments(), approved.approvedAt()));
            default -> {
                // other events: other projections
            }
        }
    }

    private Query quarter(QuarterlyProgressRecorded recorded) {
        var q = QUARTERLY_UPDATE;
        return db.insertInto(q)
                .set(q.PLAN_ID, recorded.planId())
                .set(q.ENTRY_ID, recorded.entryId())
                .set(q.QUARTER, recorded.quarter().name())
                .set(q.FFY, recorded.ffy())
                .set(q.LCSA, recorded.lcsa())
                .set(q.VALUE, recorded.value())
                .set(q.NARRATIVE, recorded.narrative())
                .set(q.DUE_DATE, recorded.dueDate())
                .set(q.FIRST_RECORDED_AT, utc(recorded.recordedAt()))
                .set(q.FIRST_LATE, recorded.late())
                .set(q.FIRST_DAYS_LATE, recorded.daysLate())
                .set(q.FIRST_VALUE, recorded.value())
                .set(q.RECORDED_AT, utc(recorded.recordedAt()))
                .set(q.LAST_REASON, recorded.reason())
                .set(q.AFTER_CLOSE, recorded.afterClose())
                .onConflict(q.PLAN_ID, q.ENTRY_ID, q.QUARTER).doUpdate()
                .set(q.VALUE, DSL.excluded(q.VALUE))
                .set(q.NARRATIVE, DSL.excluded(q.NARRATIVE))
                .set(q.RECORDED_AT, DSL.excluded(q.RECORDED_AT))
                .set(q.CORRECTIONS, q.CORRECTIONS.plus(1))
                .set(q.LAST_REASON, DSL.excluded(q.LAST_REASON))
                .set(q.AFTER_CLOSE, DSL.greatest(q.AFTER_CLOSE, DSL.excluded(q.AFTER_CLOSE)));
    }

    private Query comment(PublishedEvent published, String planId, String entryId, String author, String region, String kind,
                         String text, java.time.Instant at) {
        return db.insertInto(PLAN_COMMENT)
                .set(PLAN_COMMENT.PLAN_ID, planId)
                .set(PLAN_COMMENT.SEQUENCE, published.sequence())
                .set(PLAN_COMMENT.ENTRY_ID, entryId)
                .set(PLAN_COMMENT.AUTHOR, author)
                .set(PLAN_COMMENT.REGION, region)
                .set(PLAN_COMMENT.KIND, kind)
                .set(PLAN_COMMENT.COMMENT, text)
                .set(PLAN_COMMENT.COMMENTED_AT, utc(at))
                .onConflictDoNothing();
    }
}

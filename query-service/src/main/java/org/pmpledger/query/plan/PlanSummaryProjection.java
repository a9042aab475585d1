package org.pmpledger.query.plan;

import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanChange;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.query.intake.Projection;
import org.pmpledger.query.intake.PublishedEvent;
import org.springframework.stereotype.Component;

/** Folds plan events into {@code plan_summary}: status, version, submission and closing facts. */
@Component
class PlanSummaryProjection implements Projection {

    private final DSLContext db;

    PlanSummaryProjection(DSLContext db) {
        this.db = db;
    }

    @Override
    public void fold(PublishedEvent published, List<Query> writes) {
        if (!(published.event().orElseThrow() instanceof PlanEvent event)) {
            return;
        }
        long version = published.sequence() + 1;
        var summary = PLAN_SUMMARY;
        switch (event) {
            case PlanDrafted drafted -> writes.add(db.insertInto(summary)
                    .set(summary.PLAN_ID, drafted.planId())
                    .set(summary.FFY, drafted.ffy())
                    .set(summary.LCSA, drafted.lcsa())
                    .set(summary.TITLE, drafted.title())
                    .set(summary.STATUS, "DRAFT")
                    .set(summary.DRAFTED_AT, utc(drafted.draftedAt()))
                    .set(summary.VERSION, version)
                    .set(summary.LAST_POSITION, published.position())
                    .onConflict(summary.PLAN_ID).doNothing());
            case PlanSubmitted submitted -> writes.add(db.update(summary)
                    .set(summary.STATUS, "SUBMITTED")
                    .set(summary.SUBMITTED_AT, utc(submitted.submittedAt()))
                    .set(summary.SUBMISSIONS, submitted.submission())
                    .set(summary.DUE_DATE, submitted.dueDate())
                    .set(summary.LATE, submitted.late())
                    .set(summary.DAYS_LATE, submitted.daysLate())
                    .set(summary.FIRST_SUBMITTED_AT, DSL.coalesce(summary.FIRST_SUBMITTED_AT, DSL.val(utc(submitted.submittedAt()))))
                    .set(summary.FIRST_LATE, DSL.coalesce(summary.FIRST_LATE, DSL.val(submitted.late())))
                    .set(summary.FIRST_DAYS_LATE, DSL.coalesce(summary.FIRST_DAYS_LATE, DSL.val(submitted.daysLate())))
                    .set(summary.VERSION, version)
                    .set(summary.LAST_POSITION, published.position())
                    .where(summary.PLAN_ID.eq(submitted.planId())));
            case PlanApproved approved -> writes.add(db.update(summary)
                    .set(summary.STATUS, "APPROVED")
                    .set(summary.APPROVED_AT, utc(approved.approvedAt()))
                    .set(summary.VERSION, version)
                    .set(summary.LAST_POSITION, published.position())
                    .where(summary.PLAN_ID.eq(approved.planId())));
            case PlanReturned returned -> writes.add(db.update(summary)
                    .set(summary.STATUS, "RETURNED")
                    .set(summary.RETURNS, summary.RETURNS.plus(1))
                    .set(summary.VERSION, version)
                    .set(summary.LAST_POSITION, published.position())
                    .where(summary.PLAN_ID.eq(returned.planId())));
            case FinalResultsSubmitted closed -> writes.add(db.update(summary)
                    .set(summary.STATUS, "CLOSED")
                    .set(summary.CLOSED_AT, utc(closed.submittedAt()))
                    .set(summary.FINAL_DUE_DATE, closed.dueDate())
                    .set(summary.FINAL_LATE, closed.late())
                    .set(summary.FINAL_DAYS_LATE, closed.daysLate())
                    .set(summary.FINAL_NARRATIVE, closed.narrative())
                    .set(summary.VERSION, version)
                    .set(summary.LAST_POSITION, published.position())
                    .where(summary.PLAN_ID.eq(closed.planId())));
            case PlanEvent change when change instanceof PlanChange amended && amended.amendment() -> writes.add(db.update(summary)
                    .set(summary.AMENDMENTS, summary.AMENDMENTS.plus(1))
                    .set(summary.LAST_AMENDED_AT, utc(amended.changedAt()))
                    .set(summary.VERSION, version)
                    .set(summary.LAST_POSITION, published.position())
                    .where(summary.PLAN_ID.eq(change.planId())));
            default -> writes.add(db.update(summary)
                    .set(summary.VERSION, version)
                    .set(summary.LAST_POSITION, published.position())
                    .where(summary.PLAN_ID.eq(event.planId())));
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

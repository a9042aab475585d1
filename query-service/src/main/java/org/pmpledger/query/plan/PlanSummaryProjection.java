package org.pmpledger.query.plan;

import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanChange;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.query.intake.Projection;
import org.pmpledger.query.intake.PublishedEvent;
import org.pmpledger.query.intake.Writes;
import org.pmpledger.query.jooq.tables.records.PlanSummaryRecord;

/** Folds plan events into {@code plan_summary}: status, version, submission and closing facts. */
@Component
class PlanSummaryProjection implements Projection {

    private final DSLContext db;

    PlanSummaryProjection(DSLContext db) {
        this.db = db;
    }

    @Override
    public void fold(PublishedEvent published, Writes writes) {
        if (!(published.event().orElseThrow() instanceof PlanEvent event)) {
            return;
        }
        var summary = PLAN_SUMMARY;
        if (event instanceof PlanDrafted drafted) {
            PlanSummaryRecord row = db.newRecord(summary);
            row.setPlanId(drafted.planId());
            row.setFfy(drafted.ffy());
            row.setLcsa(drafted.lcsa());
            row.setTitle(drafted.title());
            row.setStatus(PlanStatus.DRAFT.name());
            row.setDraftedAt(utc(drafted.draftedAt()));
            row.setVersion(published.sequence() + 1);
            row.setLastPosition(published.position());
            writes.insert(row);
            return;
        }
        Writes.Patch patch = writes.patch(summary, List.of(summary.PLAN_ID), List.of(event.planId()))
                .set(summary.VERSION, published.sequence() + 1)
                .set(summary.LAST_POSITION, published.position());
        switch (event) {
            case PlanSubmitted submitted ->
                patch.set(summary.STATUS, PlanStatus.SUBMITTED.name())
                        .set(summary.SUBMITTED_AT, utc(submitted.submittedAt()))
                        .set(summary.SUBMISSIONS, submitted.submission())
                        .set(summary.DUE_DATE, submitted.dueDate())
                        .set(summary.LATE, submitted.late())
                        .set(summary.DAYS_LATE, submitted.daysLate())
                        .setIfNull(summary.FIRST_SUBMITTED_AT, utc(submitted.submittedAt()))
                        .setIfNull(summary.FIRST_LATE, submitted.late())
                        .setIfNull(summary.FIRST_DAYS_LATE, submitted.daysLate());
            case PlanApproved approved ->
                patch.set(summary.STATUS, PlanStatus.APPROVED.name())
                        .set(summary.APPROVED_AT, utc(approved.approvedAt()));
            case PlanReturned returned ->
                patch.set(summary.STATUS, PlanStatus.RETURNED.name()).add(summary.RETURNS, 1);
            case FinalResultsSubmitted closed ->
                patch.set(summary.STATUS, PlanStatus.CLOSED.name())
                        .set(summary.CLOSED_AT, utc(closed.submittedAt()))
                        .set(summary.FINAL_DUE_DATE, closed.dueDate())
                        .set(summary.FINAL_LATE, closed.late())
                        .set(summary.FINAL_DAYS_LATE, closed.daysLate())
                        .set(summary.FINAL_NARRATIVE, closed.narrative());
            case PlanChange amended
            when amended.amendment() ->
                patch.add(summary.AMENDMENTS, 1).set(summary.LAST_AMENDED_AT, utc(amended.changedAt()));
            default -> {
                // version and position only
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package org.pmpledger.query.plan;

import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanChange;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.query.intake.PublishedEvent;
import org.springframework.stereotype.Component;

/** Folds plan and cycle events into {@code plan_summary} and {@code cycle_summary}. No rule lives here. */
@Component
public class PlanSummaryProjection {

    private final DSLContext db;

    PlanSummaryProjection(DSLContext db) {
        this.db = db;
    }

    public void apply(PublishedEvent published) {
        PmpEvent event = published.event().orElseThrow();
        long version = published.sequence() + 1;
        switch (event) {
            case PlanDrafted drafted -> db.insertInto(PLAN_SUMMARY)
                    .set(PLAN_SUMMARY.PLAN_ID, drafted.planId())
                    .set(PLAN_SUMMARY.FFY, drafted.ffy())
                    .set(PLAN_SUMMARY.LCSA, drafted.lcsa())
                    .set(PLAN_SUMMARY.TITLE, drafted.title())
                    .set(PLAN_SUMMARY.STATUS, "DRAFT")
                    .set(PLAN_SUMMARY.DRAFTED_AT, utc(drafted.draftedAt()))
                    .set(PLAN_SUMMARY.VERSION, version)
                    .set(PLAN_SUMMARY.LAST_POSITION, published.position())
                    .onConflict(PLAN_SUMMARY.PLAN_ID).doNothing()
                    .execute();
            case PlanSubmitted submitted -> db.update(PLAN_SUMMARY)
                    .set(PLAN_SUMMARY.STATUS, "SUBMITTED")
                    .set(PLAN_SUMMARY.SUBMITTED_AT, utc(submitted.submittedAt()))
                    .set(PLAN_SUMMARY.SUBMISSIONS, submitted.submission())
                    .set(PLAN_SUMMARY.DUE_DATE, submitted.dueDate())
                    .set(PLAN_SUMMARY.LATE, submitted.late())
                    .set(PLAN_SUMMARY.DAYS_LATE, submitted.daysLate())
                    .set(PLAN_SUMMARY.VERSION, version)
                    .set(PLAN_SUMMARY.LAST_POSITION, published.position())
                    .where(PLAN_SUMMARY.PLAN_ID.eq(submitted.planId()))
                    .execute();
            case PlanApproved approved -> status(approved, "APPROVED", published);
            case PlanReturned returned -> status(returned, "RETURNED", published);
            case FinalResultsSubmitted closed -> status(closed, "CLOSED", published);
            case PlanEvent change when change instanceof PlanChange amended && amended.amendment() -> db.update(PLAN_SUMMARY)
                    .set(PLAN_SUMMARY.AMENDMENTS, PLAN_SUMMARY.AMENDMENTS.plus(1))
                    .set(PLAN_SUMMARY.LAST_AMENDED_AT, utc(amended.changedAt()))
                    .set(PLAN_SUMMARY.VERSION, version)
                    .set(PLAN_SUMMARY.LAST_POSITION, published.position())
                    .where(PLAN_SUMMARY.PLAN_ID.eq(change.planId()))
                    .execute();
            case PlanEvent other -> db.update(PLAN_SUMMARY)
                    .set(PLAN_SUMMARY.VERSION, version)
                    .set(PLAN_SUMMARY.LAST_POSITION, published.position())
                    .where(PLAN_SUMMARY.PLAN_ID.eq(other.planId()))
                    .execute();
            case PlanningCycleOpened opened -> db.insertInto(CYCLE_SUMMARY)
                    .set(CYCLE_SUMMARY.FFY, opened.ffy())
                    .set(CYCLE_SUMMARY.CYCLE_ID, opened.cycleId())
                    .set(CYCLE_SUMMARY.PLAN_DUE_DATE, opened.planDueDate())
                    .set(CYCLE_SUMMARY.OPENED_AT, utc(opened.openedAt()))
                    .onConflict(CYCLE_SUMMARY.FFY).doNothing()
                    .execute();
            default -> {
                // an event this projection does not fold
            }
        }
    }

    private void status(PlanEvent event, String status, PublishedEvent published) {
        db.update(PLAN_SUMMARY)
                .set(PLAN_SUMMARY.STATUS, status)
                .set(PLAN_SUMMARY.VERSION, published.sequence() + 1)
                .set(PLAN_SUMMARY.LAST_POSITION, published.position())
                .where(PLAN_SUMMARY.PLAN_ID.eq(event.planId()))
                .execute();
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package org.pmpledger.query.plan;

import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;

import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import org.pmpledger.query.jooq.tables.records.PlanSummaryRecord;

/** Reads of {@code plan_summary}. */
@Component
class PlanQueries {

    private final DSLContext db;

    PlanQueries(DSLContext db) {
        this.db = db;
    }

    Optional<PlanSummary> find(String planId) {
        return db.selectFrom(PLAN_SUMMARY)
                .where(PLAN_SUMMARY.PLAN_ID.eq(planId))
                .fetchOptional()
                .map(PlanQueries::summary);
    }

    List<PlanSummary> list(Integer ffy, String lcsa, String status) {
        Condition where = DSL.noCondition();
        if (ffy != null) {
            where = where.and(PLAN_SUMMARY.FFY.eq(ffy));
        }
        if (lcsa != null) {
            where = where.and(PLAN_SUMMARY.LCSA.eq(lcsa));
        }
        if (status != null) {
            where = where.and(PLAN_SUMMARY.STATUS.eq(status));
        }
        return db.selectFrom(PLAN_SUMMARY)
                .where(where)
                .orderBy(PLAN_SUMMARY.FFY, PLAN_SUMMARY.LCSA)
                .fetch(PlanQueries::summary);
    }

    private static PlanSummary summary(PlanSummaryRecord r) {
        return new PlanSummary(
                r.getPlanId(),
                r.getFfy(),
                r.getLcsa(),
                r.getTitle(),
                r.getStatus(),
                r.getDraftedAt().toInstant(),
                r.getSubmittedAt() == null ? null : r.getSubmittedAt().toInstant(),
                r.getSubmissions(),
                r.getDueDate(),
                r.getLate(),
                r.getDaysLate(),
                r.getAmendments(),
                r.getLastAmendedAt() == null ? null : r.getLastAmendedAt().toInstant(),
                r.getVersion(),
                r.getLastPosition());
    }
}

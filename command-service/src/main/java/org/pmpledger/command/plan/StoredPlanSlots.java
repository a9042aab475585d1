package org.pmpledger.command.plan;

import static org.pmpledger.command.jooq.Tables.PLAN_SLOT;

import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * One row per (FFY, LCSA) in the command's own transaction. A concurrent claim waits on the primary
 * key until the first commits, then finds the slot taken: exactly one DraftPlan wins.
 */
@Component
class StoredPlanSlots implements PlanSlots {

    private final DSLContext db;

    StoredPlanSlots(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<String> claim(int ffy, String lcsa, String planId) {
        int claimed = db.insertInto(PLAN_SLOT)
                .set(PLAN_SLOT.FFY, ffy)
                .set(PLAN_SLOT.LCSA, lcsa)
                .set(PLAN_SLOT.PLAN_ID, planId)
                .onConflictDoNothing()
                .execute();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(db.select(PLAN_SLOT.PLAN_ID)
                .from(PLAN_SLOT)
                .where(PLAN_SLOT.FFY.eq(ffy))
                .and(PLAN_SLOT.LCSA.eq(lcsa))
                .fetchOne(PLAN_SLOT.PLAN_ID));
    }
}

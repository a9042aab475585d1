package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/** A tactic was withdrawn, for a reason; it changes no more. */
@EventRevision(1)
public record TacticWithdrawn(
        String planId, int ffy, String lcsa, String tacticId, String reason, boolean amendment, Instant withdrawnAt)
        implements PlanEvent, PlanChange {

    @Override
    public Instant changedAt() {
        return withdrawnAt;
    }
}

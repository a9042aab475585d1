package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/** An entry was removed from the plan, for a reason. Its history stays in the log. */
@EventRevision(1)
public record PlanEntryRemoved(
        String planId, int ffy, String lcsa, String entryId, String reason, boolean amendment, Instant removedAt)
        implements PlanEvent, PlanChange {

    @Override
    public Instant changedAt() {
        return removedAt;
    }
}

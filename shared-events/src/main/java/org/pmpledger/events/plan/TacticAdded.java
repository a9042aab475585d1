package org.pmpledger.events.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pmpledger.events.EventRevision;

/**
 * A tactic was added under one of the plan's entries. It starts NOT_STARTED.
 *
 * @param initiative a key initiative or sub-initiative code of the cycle the tactic serves, or null
 */
@EventRevision(1)
public record TacticAdded(
        String planId,
        int ffy,
        String lcsa,
        String tacticId,
        String entryId,
        String title,
        List<String> leads,
        String description,
        LocalDate projectedCompletion,
        String initiative,
        boolean amendment,
        Instant addedAt)
        implements PlanEvent, PlanChange {

    @Override
    public Instant changedAt() {
        return addedAt;
    }
}

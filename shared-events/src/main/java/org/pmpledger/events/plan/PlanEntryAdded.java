package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/**
 * An entry was added to the plan: the goal and objective it addresses, its strategy or key initiative,
 * and its performance measurement.
 *
 * @param objective     the number of one of the cycle's objectives of the goal, or null when {@code objectiveText} names the plan's own
 * @param objectiveText the plan's own objective where the cycle lists none for the goal
 * @param initiative    a key initiative or sub-initiative code of the cycle (e.g. "1" or "1a"), or null
 * @param amendment     true when the plan was already approved: the reviewer sees it as an amendment
 */
@EventRevision(1)
public record PlanEntryAdded(
        String planId,
        int ffy,
        String lcsa,
        String entryId,
        int goal,
        Integer objective,
        String objectiveText,
        String strategy,
        String initiative,
        Measurement measurement,
        boolean amendment,
        Instant addedAt)
        implements PlanEvent, PlanChange {

    @Override
    public Instant changedAt() {
        return addedAt;
    }
}

package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/**
 * A Regional Administrator commented on the plan (e.g. while monitoring its tactics).
 *
 * @param entryId the entry commented on, or null for the plan as a whole
 */
@EventRevision(1)
public record PlanCommented(
        String planId,
        int ffy,
        String lcsa,
        String entryId,
        String author,
        String region,
        String comment,
        Instant commentedAt)
        implements PlanEvent {}

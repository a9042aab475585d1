package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/** The Regional Administrator returned the submitted plan for revision, saying why in {@code comments}. */
@EventRevision(1)
public record PlanReturned(
        String planId,
        int ffy,
        String lcsa,
        int submission,
        String reviewer,
        String region,
        String comments,
        Instant returnedAt)
        implements PlanEvent {}

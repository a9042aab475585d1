package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/**
 * The Regional Administrator of the agency's region approved the submitted plan. It stays a living
 * document: later changes are amendments.
 *
 * @param submission which submission was approved (1, 2, ...)
 */
@EventRevision(1)
public record PlanApproved(
        String planId,
        int ffy,
        String lcsa,
        int submission,
        String reviewer,
        String region,
        String comments,
        Instant approvedAt)
        implements PlanEvent {}

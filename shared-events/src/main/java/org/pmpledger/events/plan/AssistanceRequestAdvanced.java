package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/**
 * A request for state assistance moved one step: acknowledged or escalated by the Regional Administrator of the plan's
 * region, responded to or resolved by DCSS Executive Staff.
 *
 * @param status the step it moved to (never {@link AssistanceStatus#RAISED})
 * @param by     the subject of the caller who moved it
 * @param region the Regional Administrator's region; null for DCSS Executive Staff
 * @param note   what the step says: the acknowledgement's note (may be null), what is escalated, the response, the
 *               resolution
 */
@EventRevision(1)
public record AssistanceRequestAdvanced(
        String planId,
        int ffy,
        String lcsa,
        String requestId,
        AssistanceStatus status,
        String by,
        String region,
        String note,
        Instant advancedAt)
        implements PlanEvent {}

package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/**
 * A comment on an unresolved request for state assistance, by the plan's agency, the Regional Administrator of its
 * region or DCSS Executive Staff.
 *
 * @param author the subject of the caller who commented
 * @param role   the role they commented as: LCSA_EDITOR, SERVICE, REGIONAL_ADMIN or STATE_ADMIN
 */
@EventRevision(1)
public record AssistanceRequestCommented(
        String planId,
        int ffy,
        String lcsa,
        String requestId,
        String author,
        String role,
        String comment,
        Instant commentedAt)
        implements PlanEvent {}

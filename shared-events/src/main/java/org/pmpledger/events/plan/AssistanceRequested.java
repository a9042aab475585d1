package org.pmpledger.events.plan;

import java.time.Instant;
import java.time.LocalDate;

import org.pmpledger.events.EventRevision;

/**
 * An LCSA asked for state assistance on its plan: a joint dependency that needs DCSS Executive Staff for the plan to
 * succeed (the FFY 2017 letter's "joint dependencies").
 *
 * @param requestId the request's id, unique in the plan
 * @param entryId   the entry it is about, or null
 * @param tacticId  the tactic it is about, or null
 * @param need      what is needed
 * @param from      from whom (a division, a program, a person)
 * @param neededBy  the date it is needed by
 * @param raisedBy  the subject of the caller who raised it
 */
@EventRevision(1)
public record AssistanceRequested(
        String planId,
        int ffy,
        String lcsa,
        String requestId,
        String entryId,
        String tacticId,
        String need,
        String from,
        LocalDate neededBy,
        String raisedBy,
        Instant requestedAt)
        implements PlanEvent {}

package org.pmpledger.events.plan;

import java.time.Instant;
import java.time.LocalDate;

import org.pmpledger.events.EventRevision;

/** @param actualCompletion set exactly when the new status is COMPLETED */
@EventRevision(1)
public record TacticStatusChanged(
        String planId,
        int ffy,
        String lcsa,
        String tacticId,
        TacticStatus previousStatus,
        TacticStatus status,
        LocalDate actualCompletion,
        String comment,
        boolean amendment,
        Instant changedAt)
        implements PlanEvent, PlanChange {}

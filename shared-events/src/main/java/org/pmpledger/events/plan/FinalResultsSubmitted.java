package org.pmpledger.events.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pmpledger.events.EventRevision;

/**
 * The LCSA submitted its final results: the plan is closed.
 *
 * @param entriesMissingQ4 the entries whose measurement had no Q4 value at that moment
 * @param dueDate          the cycle's Q4 due date (final results), null where the cycle gives none
 */
@EventRevision(1)
public record FinalResultsSubmitted(
        String planId,
        int ffy,
        String lcsa,
        String narrative,
        List<String> entriesMissingQ4,
        LocalDate dueDate,
        boolean late,
        int daysLate,
        Instant submittedAt)
        implements PlanEvent {}

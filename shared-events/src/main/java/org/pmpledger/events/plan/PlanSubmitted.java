package org.pmpledger.events.plan;

import java.time.Instant;
import java.time.LocalDate;

import org.pmpledger.events.EventRevision;

/**
 * The LCSA submitted its plan for review. Late submissions are accepted and recorded as late.
 *
 * @param submission 1 for the first submission, 2 for the first resubmission after a return, ...
 * @param dueDate    the cycle's plan due date when it was submitted
 * @param daysLate   calendar days after the due date (Pacific time); 0 when on time
 */
@EventRevision(1)
public record PlanSubmitted(
        String planId,
        int ffy,
        String lcsa,
        int submission,
        LocalDate dueDate,
        boolean late,
        int daysLate,
        Instant submittedAt)
        implements PlanEvent {}

package org.pmpledger.query.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan as the projection knows it.
 *
 * @param amendments    changes made after the plan was approved (the reviewer's view of a living plan)
 * @param lastAmendedAt when the latest of them was made
 * @param version  the plan's version (number of its events) this answer reflects
 * @param position the global position of the plan's last applied event
 */
public record PlanSummary(
        String planId,
        int ffy,
        String lcsa,
        String title,
        String status,
        Instant draftedAt,
        Instant submittedAt,
        int submissions,
        LocalDate dueDate,
        Boolean late,
        Integer daysLate,
        int amendments,
        Instant lastAmendedAt,
        long version,
        long position) {}

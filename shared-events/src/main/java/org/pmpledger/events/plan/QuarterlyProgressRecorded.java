package org.pmpledger.events.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.pmpledger.events.EventRevision;

/**
 * A quarterly update of one entry's measurement: a measured value where there is one, and a narrative.
 * Recording a quarter again is a correction: the previous value and narrative stay in the event.
 *
 * @param indicator  the entry's Practice Indicator (null for another measure)
 * @param dueDate    the cycle's due date for this quarter, null where the cycle gives none
 * @param daysLate   calendar days after the due date (Pacific time); 0 when on time
 * @param correction true when the quarter had been recorded before
 * @param reason     why it was corrected; null for a first recording
 * @param afterClose true when a STATE_ADMIN corrected it after the plan was closed
 */
@EventRevision(1)
public record QuarterlyProgressRecorded(
        String planId,
        int ffy,
        String lcsa,
        String entryId,
        String indicator,
        Quarter quarter,
        BigDecimal value,
        String narrative,
        LocalDate dueDate,
        boolean late,
        int daysLate,
        boolean correction,
        BigDecimal previousValue,
        String previousNarrative,
        String reason,
        boolean afterClose,
        Instant recordedAt)
        implements PlanEvent {}

package org.pmpledger.query.due;

import java.time.LocalDate;

/**
 * One thing an agency owes by a date: its plan, a measurement's quarterly update, its final results, a tactic's
 * completion.
 *
 * @param uid         stable while the thing is owed, whatever its date does: the calendar event's UID
 * @param sequence    how many times its date moved (a tactic's projected completion revised): the event's SEQUENCE
 * @param daysOverdue days past its date (0 when not overdue)
 */
public record DueItem(
        Kind kind,
        String uid,
        int sequence,
        String lcsa,
        String region,
        int ffy,
        String planId,
        String entryId,
        String tacticId,
        String quarter,
        String title,
        LocalDate dueDate,
        boolean overdue,
        int daysOverdue) {

    public enum Kind {
        PLAN_SUBMISSION,
        QUARTERLY_UPDATE,
        FINAL_RESULTS,
        TACTIC_COMPLETION
    }
}

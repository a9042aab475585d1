package org.pmpledger.command.cycle;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The federal fiscal year a cycle covers, October 1 of the year before to September 30, and the windows the dates of
 * its cycle and plans fall in: a date outside them is a typo, not a plan.
 */
public record FiscalYear(int ffy) {

    public LocalDate firstDay() {
        return LocalDate.of(ffy - 1, 10, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(ffy, 9, 30);
    }

    /** A cycle's due dates: from two years before the FFY to one year after it. */
    public Optional<String> dueDateRefusal(LocalDate date) {
        return outside(date, firstDay().minusYears(2), lastDay().plusYears(1));
    }

    /** A tactic's projected or actual completion: from two years before the FFY to five years after it. */
    public Optional<String> planDateRefusal(LocalDate date) {
        return outside(date, firstDay().minusYears(2), lastDay().plusYears(5));
    }

    /** The date an agency's indicator value was measured: from five years before the FFY to its last day. */
    public Optional<String> measuredDateRefusal(LocalDate date) {
        return outside(date, firstDay().minusYears(5), lastDay());
    }

    private Optional<String> outside(LocalDate date, LocalDate first, LocalDate last) {
        if (date == null || (!date.isBefore(first) && !date.isAfter(last))) {
            return Optional.empty();
        }
        return Optional.of("must be between " + first + " and " + last + " for the FFY " + ffy + " cycle");
    }
}

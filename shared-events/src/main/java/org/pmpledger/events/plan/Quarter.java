package org.pmpledger.events.plan;

import java.time.LocalDate;

/** A quarter of a federal fiscal year: Q1 is October to December of the year before the FFY's name. */
public enum Quarter {
    Q1,
    Q2,
    Q3,
    Q4;

    /** Every quarter's name, as a regular expression for a request's field. */
    public static final String NAMES = "Q1|Q2|Q3|Q4";

    /** The first day of this quarter in the given FFY. */
    public LocalDate firstDay(int ffy) {
        return switch (this) {
            case Q1 -> LocalDate.of(ffy - 1, 10, 1);
            case Q2 -> LocalDate.of(ffy, 1, 1);
            case Q3 -> LocalDate.of(ffy, 4, 1);
            case Q4 -> LocalDate.of(ffy, 7, 1);
        };
    }

    /** The last day of this quarter in the given FFY. */
    public LocalDate lastDay(int ffy) {
        return firstDay(ffy).plusMonths(3).minusDays(1);
    }
}

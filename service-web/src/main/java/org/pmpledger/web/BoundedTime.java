package org.pmpledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Instants and dates as the API reads them from paths, queries and bodies: ISO-8601, in the years the API knows
 * ({@value #FIRST_YEAR} to {@value #LAST_YEAR}); a rule of the domain narrows a date to its cycle.
 */
public final class BoundedTime {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private BoundedTime() {}

    /** @throws java.time.DateTimeException or IllegalArgumentException when it is no such instant */
    public static Instant instant(String text) {
        Instant instant = Instant.parse(text.trim());
        requireKnownYear(instant.atOffset(ZoneOffset.UTC).getYear(), "an instant");
        return instant;
    }

    /** @throws java.time.DateTimeException or IllegalArgumentException when it is no such date */
    public static LocalDate date(String text) {
        LocalDate date = LocalDate.parse(text.trim());
        requireKnownYear(date.getYear(), "a date");
        return date;
    }

    static boolean knownYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static void requireKnownYear(int year, String what) {
        if (!knownYear(year)) {
            throw new IllegalArgumentException("must be " + what + " between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
    }
}

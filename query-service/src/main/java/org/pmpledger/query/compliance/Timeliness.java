package org.pmpledger.query.compliance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether something due was delivered on time, late, is missing or not yet due, as of a date. A
 * delivery is judged by its first recording (a later correction does not make it late or on time).
 */
record Timeliness(State state, Integer daysLate) {

    enum State {
        ON_TIME,
        LATE,
        MISSING,
        NOT_YET_DUE,
        NO_DUE_DATE
    }

    static Timeliness of(LocalDate due, boolean delivered, Boolean late, Integer daysLate, LocalDate today) {
        if (delivered) {
            return Boolean.TRUE.equals(late) ? new Timeliness(State.LATE, daysLate) : new Timeliness(State.ON_TIME, 0);
        }
        if (due == null) {
            return new Timeliness(State.NO_DUE_DATE, null);
        }
        if (today.isAfter(due)) {
            return new Timeliness(State.MISSING, (int) ChronoUnit.DAYS.between(due, today));
        }
        return new Timeliness(State.NOT_YET_DUE, null);
    }

    boolean counts() {
        return state == State.ON_TIME || state == State.LATE || state == State.MISSING;
    }
}

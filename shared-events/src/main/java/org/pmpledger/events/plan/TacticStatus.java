package org.pmpledger.events.plan;

import java.util.List;
import java.util.stream.Stream;

/** Where a tactic stands. A withdrawn tactic is recorded by {@link TacticWithdrawn}, not by a status. */
public enum TacticStatus {
    NOT_STARTED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED;

    /** What a read shows as a withdrawn tactic's status, whatever status it had when withdrawn. */
    public static final String WITHDRAWN_AS_SHOWN = "WITHDRAWN";

    /** Every status a read shows ({@link #shown()}), as a regular expression for a request's field. */
    public static final String SHOWN_NAMES = "NOT_STARTED|IN_PROGRESS|ON_HOLD|COMPLETED|WITHDRAWN";

    /** Every status a read shows, in this order: the statuses, then {@link #WITHDRAWN_AS_SHOWN}. */
    public static List<String> shown() {
        return Stream.concat(Stream.of(values()).map(Enum::name), Stream.of(WITHDRAWN_AS_SHOWN))
                .toList();
    }

    /** The status a read shows for a tactic with this recorded status. */
    public static String shown(String recorded, boolean withdrawn) {
        return withdrawn ? WITHDRAWN_AS_SHOWN : recorded;
    }
}

package org.pmpledger.query.rebuild;

import java.time.Instant;
import java.util.Map;

/**
 * Where a rebuild stands.
 *
 * @param eventsApplied  records applied into the shadow tables so far
 * @param eventsPerSecond applied / seconds since start (through the switch once DONE)
 * @param lag            per partition: records still to apply up to the topic's end
 */
public record RebuildStatus(
        String id,
        State state,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        double eventsPerSecond,
        Map<Integer, Long> lag,
        String failure) {

    /** A rebuild's stage. */
    public enum State {
        /** Folding the topic from its start into the shadow schema. */
        RUNNING,
        /** Caught up: the live listener pauses and the shadow tables replace the live ones. */
        SWITCHING,
        DONE,
        /** Given up on; the live projections kept serving. */
        FAILED;

        public boolean underWay() {
            return this == RUNNING || this == SWITCHING;
        }
    }
}

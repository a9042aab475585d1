package org.pmpledger.query.rebuild;

import java.time.Instant;
import java.util.Map;

/**
 * Where a rebuild stands.
 *
 * @param state          RUNNING (folding the topic from its start into the shadow schema), SWITCHING, DONE, FAILED
 * @param eventsApplied  records applied into the shadow tables so far
 * @param eventsPerSecond applied / seconds since start (through the switch once DONE)
 * @param lag            per partition: records still to apply up to the topic's end
 */
public record RebuildStatus(
        String id,
        String state,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        double eventsPerSecond,
        Map<Integer, Long> lag,
        String failure) {}

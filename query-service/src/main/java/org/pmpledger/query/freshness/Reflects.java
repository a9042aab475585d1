package org.pmpledger.query.freshness;

import java.time.Instant;

/**
 * How fresh an answer is: the global event-store position every partition has been applied through (the minimum over
 * the topic's partitions), when the projections last applied anything, and how many records wait parked (their
 * streams are held behind them: those plans reflect less than the position says).
 */
public record Reflects(long position, Instant appliedAt, long parked) {
}

package org.pmpledger.query.freshness;

import java.time.Instant;

/**
 * How fresh an answer is: the global event-store position every partition has been applied through (the minimum over
 * the topic's partitions), when the projections last applied anything, how many records wait parked (their streams are
 * held behind them: those plans reflect less than the position says), and the instant before which every committed
 * event is reflected (from the publisher's heartbeats; null until every partition had one).
 */
public record Reflects(long position, Instant appliedAt, long parked, Instant committedBefore) {}

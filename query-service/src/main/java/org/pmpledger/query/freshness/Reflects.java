package org.pmpledger.query.freshness;

import java.time.Instant;

/**
 * How fresh an answer is: the global event-store position every partition has been applied through
 * (the minimum over partitions), and when the projections last applied anything.
 */
public record Reflects(long position, Instant appliedAt) {
}

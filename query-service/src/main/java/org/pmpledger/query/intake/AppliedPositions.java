package org.pmpledger.query.intake;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * Lets a read wait, bounded, until the projections have applied what its client just wrote: the
 * intake signals after each committed batch; a waiting read re-checks then, and at least every
 * {@link #RECHECK} (another instance may own the partition). Each signal is counted
 * ({@link #batches()}), so what was read from the checkpoints can be kept until the next one.
 */
@Component
public class AppliedPositions {

    /** How long a waiting read sleeps at most before it re-checks. */
    public static final Duration RECHECK = Duration.ofMillis(50);

    private final Object monitor = new Object();
    private volatile long batches;

    /** A batch was committed (or the tables were replaced): the projections may reflect more now. */
    public void advanced() {
        synchronized (monitor) {
            batches++;
            monitor.notifyAll();
        }
    }

    /** How many times the projections have advanced in this instance: a change means the checkpoints must be read again. */
    public long batches() {
        return batches;
    }

    /** @return whether {@code applied} became true within {@code timeout} */
    public boolean await(BooleanSupplier applied, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long seen = batches; !applied.getAsBoolean(); seen = batches) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (monitor) {
                if (batches != seen) {
                    continue; // a batch was committed while this read checked: check again at once
                }
                try {
                    monitor.wait(Math.max(1, Math.min(RECHECK.toMillis(), left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}

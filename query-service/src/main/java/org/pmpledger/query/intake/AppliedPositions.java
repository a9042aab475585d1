package org.pmpledger.query.intake;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * Lets a read wait, bounded, until the projections have applied what its client just wrote: the
 * intake signals after each committed batch; a waiting read re-checks then, and at least every
 * {@link #RECHECK} (another instance may own the partition).
 */
@Component
public class AppliedPositions {

    private static final Duration RECHECK = Duration.ofMillis(50);

    private final Object monitor = new Object();

    void advanced() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** @return whether {@code applied} became true within {@code timeout} */
    public boolean await(BooleanSupplier applied, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!applied.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (monitor) {
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

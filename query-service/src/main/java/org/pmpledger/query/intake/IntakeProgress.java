package org.pmpledger.query.intake;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's intake moves. It is stuck when records have been taken and not gone through for longer than
 * {@code stuckAfter} (one batch running that long, or attempts failing and retried that long: a batch that fails is
 * not done), or when records wait on its partitions and no batch has begun or ended for that long (a consumer that
 * takes nothing). A live ledger sends watermarks to every partition each second, so a healthy intake ends a batch
 * every second or so; a quiet one (no records waiting) is not stuck however long it waits. Elapsed time is the JVM's
 * monotonic clock: the business clock may be set anywhere.
 */
@Component
class IntakeProgress {

    private final Duration stuckAfter;
    private final LongSupplier nanoTime;
    /** When the records now in hand were first taken; none while every batch taken has gone through. */
    private Long unfinishedSince;

    private long lastActivity;

    @Autowired
    IntakeProgress(@Value("${pmp.intake.stuck-after:60s}") Duration stuckAfter) {
        this(stuckAfter, System::nanoTime);
    }

    IntakeProgress(Duration stuckAfter, LongSupplier nanoTime) {
        this.stuckAfter = stuckAfter;
        this.nanoTime = nanoTime;
        this.lastActivity = nanoTime.getAsLong();
    }

    synchronized void batchStarted() {
        lastActivity = nanoTime.getAsLong();
        if (unfinishedSince == null) {
            unfinishedSince = lastActivity;
        }
    }

    synchronized void batchEnded() {
        lastActivity = nanoTime.getAsLong();
        unfinishedSince = null;
    }

    /** A batch that failed has not gone through: its records are retried, and the time they take counts on. */
    synchronized void batchFailed() {
        lastActivity = nanoTime.getAsLong();
    }

    /** Whether the intake is stuck, and why it is or is not. */
    synchronized Verdict verdict(boolean recordsWait) {
        long now = nanoTime.getAsLong();
        if (unfinishedSince != null) {
            long unfinished = now - unfinishedSince;
            return unfinished > stuckAfter.toNanos()
                    ? new Verdict(true, "records taken " + seconds(unfinished) + " s ago have not gone through")
                    : new Verdict(false, "a batch is under way");
        }
        if (recordsWait && now - lastActivity > stuckAfter.toNanos()) {
            return new Verdict(true, "records wait and no batch has begun for " + seconds(now - lastActivity) + " s");
        }
        return new Verdict(false, recordsWait ? "records wait, batches go through" : "no records wait");
    }

    Duration stuckAfter() {
        return stuckAfter;
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }

    record Verdict(boolean stuck, String reason) {}
}

package org.pmpledger.query.freshness;

import static org.pmpledger.query.jooq.Tables.PARKED_RECORD;
import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import org.pmpledger.query.intake.AppliedPositions;
import org.pmpledger.web.RequestRefused;
import org.pmpledger.web.ServiceBusy;

/**
 * What the projections reflect, and the bounded wait of {@code minPosition}: a statewide read waits
 * until every partition has been applied through that position (events or the publisher's
 * watermarks), else answers 503 with Retry-After.
 */
@Component
public class Freshness {

    private final DSLContext db;
    private final AppliedPositions applied;
    private final String topic;
    private final Duration maxWait;
    /** How far the publisher's clock may be ahead of this service's. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

    /** Heartbeats carry the publisher's wall-clock instant, so a read compares them with this service's wall clock. */
    private final Clock wall = Clock.systemUTC();

    private final LongSupplier ticker;
    private final IntSupplier partitions;
    private final int maxWaiting;
    private final Semaphore waiting;
    private volatile Snapshot latest;

    @Autowired
    Freshness(
            DSLContext db,
            AppliedPositions applied,
            TopicPartitions partitions,
            @Value("${pmp.intake.topic}") String topic,
            @Value("${pmp.reads.max-wait:5s}") Duration maxWait,
            @Value("${pmp.reads.max-waiting:32}") int maxWaiting) {
        this(db, applied, topic, maxWait, System::nanoTime, partitions::count, maxWaiting);
    }

    /**
     * @param ticker     nanoseconds, as {@link System#nanoTime()}: how old a read of the checkpoints is
     * @param partitions how many partitions the topic has (0: not known yet, and then no read reflects a position)
     * @param maxWaiting how many reads may wait at once; one more is answered 503 at once
     */
    Freshness(
            DSLContext db,
            AppliedPositions applied,
            String topic,
            Duration maxWait,
            LongSupplier ticker,
            IntSupplier partitions,
            int maxWaiting) {
        this.db = db;
        this.applied = applied;
        this.topic = topic;
        this.maxWait = maxWait;
        this.ticker = ticker;
        this.partitions = partitions;
        this.maxWaiting = maxWaiting;
        this.waiting = new Semaphore(maxWaiting);
    }

    /**
     * What the projections reflect now. Read from the checkpoints at most once per committed batch of this instance and
     * per {@link AppliedPositions#RECHECK} (for partitions other instances apply): concurrent and waiting reads share
     * that one read, so waiting reads never take the CPU the intake needs.
     */
    public Reflects now() {
        long batch = applied.batches();
        Snapshot known = latest;
        if (known != null && known.isCurrent(batch, ticker.getAsLong())) {
            return known.reflects();
        }
        synchronized (this) {
            batch = applied.batches(); // read before the checkpoints: a batch committed meanwhile makes this one stale
            known = latest;
            if (known != null && known.isCurrent(batch, ticker.getAsLong())) {
                return known.reflects();
            }
            long readAt = ticker.getAsLong();
            Reflects read = read();
            latest = new Snapshot(read, batch, readAt);
            return read;
        }
    }

    /** The checkpoints as read after {@code batch} signals, at {@code readAt} (the ticker's nanoseconds). */
    private record Snapshot(Reflects reflects, long batch, long readAt) {

        boolean isCurrent(long batchNow, long now) {
            return batch == batchNow && now - readAt < AppliedPositions.RECHECK.toNanos();
        }
    }

    /**
     * The lowest position any partition has been applied through (0 while a partition of the topic has applied nothing
     * yet), the last time anything was applied, and how many records wait parked.
     */
    private Reflects read() {
        var row = db.select(
                        DSL.count(),
                        DSL.min(PARTITION_CHECKPOINT.LAST_POSITION),
                        DSL.max(PARTITION_CHECKPOINT.APPLIED_AT),
                        DSL.field(DSL.selectCount().from(PARKED_RECORD).where(PARKED_RECORD.RESOLUTION.isNull())),
                        DSL.count(PARTITION_CHECKPOINT.COMMITTED_BEFORE),
                        DSL.min(PARTITION_CHECKPOINT.COMMITTED_BEFORE))
                .from(PARTITION_CHECKPOINT)
                .where(PARTITION_CHECKPOINT.TOPIC.eq(topic))
                .fetchOne();
        if (row == null) {
            return new Reflects(0, null, 0, null);
        }
        int topicPartitions = partitions.getAsInt();
        boolean everyPartition = topicPartitions > 0 && row.value1() >= topicPartitions;
        return new Reflects(
                everyPartition && row.value2() != null ? row.value2() : 0,
                row.value3() == null ? null : row.value3().toInstant(),
                row.value4() == null ? 0 : row.value4(),
                everyPartition && row.value5().equals(row.value1())
                        ? row.value6().toInstant()
                        : null);
    }

    /**
     * The answer of a statewide read: waits for {@code minPosition} (refused as {@link #awaitPosition} says), then
     * reads what the projections reflect now; refused not-found with {@code notFound} when the read finds nothing.
     */
    public <T> ResponseEntity<T> read(Long minPosition, Function<Reflects, Optional<T>> read, String notFound) {
        awaitPosition(minPosition);
        Reflects reflects = now();
        return read.apply(reflects)
                .map(answer -> Answers.fresh(reflects, answer))
                .orElseThrow(() -> RequestRefused.notFound(notFound));
    }

    /**
     * Returns when {@code minPosition} (if given) is reflected in time. Else refused: 503 ({@link ServiceBusy}) when
     * the wait ends first, or, as soon as the projections reflect every event committed since before the read was
     * asked (with {@link #CLOCK_SKEW} to spare) without reaching it, invalid: a position no command had been answered.
     */
    public void awaitPosition(Long minPosition) {
        if (minPosition == null) {
            return;
        }
        Instant asked = wall.instant().plus(CLOCK_SKEW);
        AtomicReference<Reflects> beyond = new AtomicReference<>();
        boolean reached = awaitUntil(() -> {
            Reflects reflects = now();
            if (reflects.position() >= minPosition) {
                return true;
            }
            if (reflects.committedBefore() != null && reflects.committedBefore().isAfter(asked)) {
                beyond.set(reflects);
                return true;
            }
            return false;
        });
        if (beyond.get() != null) {
            throw RequestRefused.invalid(
                    "position-beyond-the-ledger",
                    "No event has position " + minPosition + ": every event committed before "
                            + beyond.get().committedBefore() + " is reflected, through position "
                            + beyond.get().position() + ". Pass the position a command answered.",
                    "minPosition",
                    "is beyond every position the ledger had given");
        }
        if (!reached) {
            throw notReached("The projections have not reached position " + minPosition);
        }
    }

    /**
     * Whether {@code reached} becomes true within the bounded wait. Refused 503 ({@link ServiceBusy}) at once when
     * too many reads wait already.
     */
    public boolean awaitUntil(BooleanSupplier reached) {
        if (reached.getAsBoolean()) {
            return true;
        }
        if (!waiting.tryAcquire()) {
            throw new ServiceBusy(
                    "too-many-waiting-reads", "Too many reads wait for the projections already; retry shortly.");
        }
        try {
            return applied.await(reached, maxWait);
        } finally {
            waiting.release();
        }
    }

    /** The refusal of a read whose wait ended before the projections reached what it asked for. */
    public ServiceBusy notReached(String what) {
        return new ServiceBusy("not-yet-applied", what + " within " + maxWait.toSeconds() + " s; retry shortly.");
    }

    /** How many reads wait now. */
    int readsWaiting() {
        return maxWaiting - waiting.availablePermits();
    }
}

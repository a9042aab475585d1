package org.pmpledger.query.freshness;

import static org.pmpledger.query.jooq.Tables.PARKED_RECORD;
import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.pmpledger.query.intake.AppliedPositions;
import org.pmpledger.web.ApiProblems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

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
    private final LongSupplier ticker;
    private final IntSupplier partitions;
    private volatile Snapshot latest;

    @Autowired
    Freshness(DSLContext db, AppliedPositions applied, TopicPartitions partitions, @Value("${pmp.intake.topic}") String topic,
              @Value("${pmp.reads.max-wait:5s}") Duration maxWait) {
        this(db, applied, topic, maxWait, System::nanoTime, partitions::count);
    }

    /**
     * @param ticker     nanoseconds, as {@link System#nanoTime()}: how old a read of the checkpoints is
     * @param partitions how many partitions the topic has (0: not known yet)
     */
    Freshness(DSLContext db, AppliedPositions applied, String topic, Duration maxWait, LongSupplier ticker,
              IntSupplier partitions) {
        this.db = db;
        this.applied = applied;
        this.topic = topic;
        this.maxWait = maxWait;
        this.ticker = ticker;
        this.partitions = partitions;
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
        Record4<Integer, Long, OffsetDateTime, Integer> row = db.select(DSL.count(), DSL.min(PARTITION_CHECKPOINT.LAST_POSITION),
                        DSL.max(PARTITION_CHECKPOINT.APPLIED_AT),
                        DSL.field(DSL.selectCount().from(PARKED_RECORD).where(PARKED_RECORD.RESOLUTION.isNull())))
                .from(PARTITION_CHECKPOINT)
                .where(PARTITION_CHECKPOINT.TOPIC.eq(topic))
                .fetchOne();
        if (row == null) {
            return new Reflects(0, null, 0);
        }
        boolean everyPartition = row.value1() > 0 && row.value1() >= partitions.getAsInt();
        return new Reflects(everyPartition && row.value2() != null ? row.value2() : 0,
                row.value3() == null ? null : row.value3().toInstant(), row.value4() == null ? 0 : row.value4());
    }

    /**
     * The answer of a statewide read: waits for {@code minPosition} (503 if not reached in time), then
     * reads what the projections reflect now; 404 with {@code notFound} when the read finds nothing.
     */
    public ResponseEntity<?> read(Long minPosition, java.util.function.Function<Reflects, java.util.Optional<?>> read,
                                  String notFound) {
        var notYet = awaitPosition(minPosition);
        if (notYet.isPresent()) {
            return notYet.get();
        }
        Reflects reflects = now();
        return read.apply(reflects).<ResponseEntity<?>>map(answer -> Answers.fresh(reflects, answer))
                .orElseGet(() -> ApiProblems.refuse(HttpStatus.NOT_FOUND, "not-found", notFound));
    }

    /** Empty when {@code minPosition} (if given) is reflected in time; else the 503 to answer. */
    public java.util.Optional<ResponseEntity<ProblemDetail>> awaitPosition(Long minPosition) {
        if (minPosition == null) {
            return java.util.Optional.empty();
        }
        return awaitUntil(() -> now().position() >= minPosition, "The projections have not reached position " + minPosition);
    }

    /** Empty when {@code reached} becomes true within the bounded wait; else a 503 with Retry-After saying what was not reached. */
    public java.util.Optional<ResponseEntity<ProblemDetail>> awaitUntil(java.util.function.BooleanSupplier reached, String notReached) {
        if (applied.await(reached, maxWait)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-applied",
                        notReached + " within " + maxWait.toSeconds() + " s; retry shortly.", List.of())));
    }
}

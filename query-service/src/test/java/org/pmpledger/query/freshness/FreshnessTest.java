package org.pmpledger.query.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.query.intake.AppliedPositions;
import org.pmpledger.web.RequestRefused;
import org.pmpledger.web.ServiceBusy;

/**
 * What a read says the projections reflect, read from the real checkpoint table: concurrent and waiting reads share one
 * read of the checkpoints per applied batch (and per recheck interval), so waiting reads cannot starve the intake.
 * The ticker stands still unless a test moves it.
 */
class FreshnessTest extends QueryServiceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DSLContext db;

    private final String topic = "freshness-" + UUID.randomUUID();
    private final AppliedPositions applied = new AppliedPositions();
    private final AtomicLong ticker = new AtomicLong();
    private final AtomicInteger checkpointReads = new AtomicInteger();
    private Freshness freshness;

    @BeforeEach
    void freshnessOverCountedReads() {
        ExecuteListener counting = new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext context) {
                checkpointReads.incrementAndGet();
            }
        };
        DSLContext counted = DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.POSTGRES)
                .set(new DefaultExecuteListenerProvider(counting)));
        freshness = new Freshness(counted, applied, topic, Duration.ofSeconds(20), ticker::get, () -> 2, 32);
        applyThrough(0, 10);
        applyThrough(1, 12);
    }

    @Test
    void waitingReadsShareOneCheckpointReadPerAppliedBatch() throws Exception {
        int readers = 20;
        List<CompletableFuture<Boolean>> reads = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(readers)) {
            for (int i = 0; i < readers; i++) {
                reads.add(CompletableFuture.supplyAsync(() -> reached(freshness, 20L), threads));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> checkpointReads.get() >= 1);
            applyThrough(0, 20);
            applyThrough(1, 21);
            applied.advanced();
            for (CompletableFuture<Boolean> read : reads) {
                assertThat(read.get()).as("position 20 reached").isTrue();
            }
        }
        assertThat(checkpointReads.get())
                .as("one read before the batch, one after it, whatever the number of readers")
                .isEqualTo(2);
    }

    @Test
    void aReadAfterAnAppliedBatchSeesItsCheckpoints() {
        assertThat(freshness.now().position()).isEqualTo(10);
        applyThrough(0, 30);
        applyThrough(1, 30);
        applied.advanced();
        assertThat(freshness.now().position()).isEqualTo(30);
    }

    @Test
    void checkpointsAnotherInstanceAppliedAreReadAgainAfterTheRecheckInterval() {
        assertThat(freshness.now().position()).isEqualTo(10);
        applyThrough(0, 40); // another instance's batch: no signal here
        applyThrough(1, 40);
        assertThat(freshness.now().position())
                .as("within the interval: the read just made")
                .isEqualTo(10);
        ticker.addAndGet(AppliedPositions.RECHECK.toNanos());
        assertThat(freshness.now().position()).isEqualTo(40);
        assertThat(checkpointReads.get()).isEqualTo(2);
    }

    @Test
    void aPositionNotReachedInTimeIsRefusedAsNotYetApplied() {
        Freshness impatient = new Freshness(db, applied, topic, Duration.ofMillis(120), System::nanoTime, () -> 2, 32);

        assertThatThrownBy(() -> impatient.awaitPosition(1_000L))
                .isInstanceOfSatisfying(
                        ServiceBusy.class, busy -> assertThat(busy.rule()).isEqualTo("not-yet-applied"));
    }

    @Test
    void aPartitionOfTheTopicThatHasAppliedNothingYetHoldsThePositionAtZero() {
        Freshness overThreePartitions =
                new Freshness(db, applied, topic, Duration.ofMillis(120), System::nanoTime, () -> 3, 32);

        assertThat(overThreePartitions.now().position()).isZero();
        applyThrough(2, 50);
        applied.advanced();
        assertThat(overThreePartitions.now().position()).isEqualTo(10);
    }

    @Test
    void aReadBeyondTheWaitingReadsAllowedIsRefusedAtOnce() throws Exception {
        Freshness oneAtATime = new Freshness(db, applied, topic, Duration.ofSeconds(20), System::nanoTime, () -> 2, 1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> reached(oneAtATime, 100L));
        await().atMost(Duration.ofSeconds(10)).until(() -> oneAtATime.readsWaiting() == 1);

        assertThatThrownBy(() -> oneAtATime.awaitPosition(100L))
                .isInstanceOfSatisfying(
                        ServiceBusy.class, busy -> assertThat(busy.rule()).isEqualTo("too-many-waiting-reads"));

        applyThrough(0, 100);
        applyThrough(1, 100);
        applied.advanced();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPositionBeyondEverythingCommittedBeforeTheReadWasAskedIsRefusedAsSoonAsAHeartbeatSaysSo() {
        Freshness patient = new Freshness(db, applied, topic, Duration.ofSeconds(20), System::nanoTime, () -> 2, 32);
        long started = System.nanoTime();
        var reading = CompletableFuture.runAsync(() -> patient.awaitPosition(1_000_000L));
        await().atMost(Duration.ofSeconds(10)).until(() -> patient.readsWaiting() == 1);

        db.update(PARTITION_CHECKPOINT)
                .set(PARTITION_CHECKPOINT.COMMITTED_BEFORE, OffsetDateTime.now().plusSeconds(5))
                .where(PARTITION_CHECKPOINT.TOPIC.eq(topic))
                .execute(); // a heartbeat on both partitions
        applied.advanced();

        assertThatThrownBy(reading::join)
                .hasCauseInstanceOf(RequestRefused.class)
                .cause()
                .satisfies(refused -> {
                    assertThat(((RequestRefused) refused).kind()).isEqualTo(RequestRefused.Kind.INVALID);
                    assertThat(((RequestRefused) refused).rule()).isEqualTo("position-beyond-the-ledger");
                    assertThat(((RequestRefused) refused).fields())
                            .extracting(RequestRefused.Field::name)
                            .containsExactly("minPosition");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("well before the 20 s wait")
                .isLessThan(Duration.ofSeconds(15));
    }

    /** A partition's checkpoint as the intake writes it, straight into the real table. */
    private void applyThrough(int partition, long position) {
        db.insertInto(PARTITION_CHECKPOINT)
                .set(PARTITION_CHECKPOINT.TOPIC, topic)
                .set(PARTITION_CHECKPOINT.KAFKA_PARTITION, partition)
                .set(PARTITION_CHECKPOINT.NEXT_OFFSET, position)
                .set(PARTITION_CHECKPOINT.LAST_POSITION, position)
                .set(PARTITION_CHECKPOINT.APPLIED_AT, OffsetDateTime.now())
                .onConflict(PARTITION_CHECKPOINT.TOPIC, PARTITION_CHECKPOINT.KAFKA_PARTITION)
                .doUpdate()
                .set(PARTITION_CHECKPOINT.LAST_POSITION, position)
                .execute();
    }

    /** Whether the read reached the position within its wait (refused otherwise). */
    private static boolean reached(Freshness freshness, long position) {
        freshness.awaitPosition(position);
        return true;
    }
}

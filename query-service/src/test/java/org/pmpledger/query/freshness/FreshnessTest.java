package org.pmpledger.query.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.query.intake.AppliedPositions;
import org.springframework.beans.factory.annotation.Autowired;

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
        DSLContext counted = DSL.using(new DefaultConfiguration().set(dataSource).set(SQLDialect.POSTGRES)
                .set(new DefaultExecuteListenerProvider(counting)));
        freshness = new Freshness(counted, applied, topic, Duration.ofSeconds(20), ticker::get, () -> 2);
        applyThrough(0, 10);
        applyThrough(1, 12);
    }

    @Test
    void waitingReadsShareOneCheckpointReadPerAppliedBatch() throws Exception {
        int readers = 20;
        List<CompletableFuture<Boolean>> reads = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(readers)) {
            for (int i = 0; i < readers; i++) {
                reads.add(CompletableFuture.supplyAsync(() -> freshness.awaitPosition(20L).isEmpty(), threads));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> checkpointReads.get() >= 1);
            applyThrough(0, 20);
            applyThrough(1, 21);
            applied.advanced();
            for (CompletableFuture<Boolean> read : reads) {
                assertThat(read.get()).as("position 20 reached").isTrue();
            }
        }
        assertThat(checkpointReads.get()).as("one read before the batch, one after it, whatever the number of readers").isEqualTo(2);
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
        assertThat(freshness.now().position()).as("within the interval: the read just made").isEqualTo(10);
        ticker.addAndGet(AppliedPositions.RECHECK.toNanos());
        assertThat(freshness.now().position()).isEqualTo(40);
        assertThat(checkpointReads.get()).isEqualTo(2);
    }

    @Test
    void aPositionNotReachedInTimeIsA503WithRetryAfter() {
        Freshness impatient = new Freshness(db, applied, topic, Duration.ofMillis(120), System::nanoTime, () -> 2);
        Optional<?> notYet = impatient.awaitPosition(1_000L);
        assertThat(notYet).hasValueSatisfying(answer -> {
            var response = (org.springframework.http.ResponseEntity<?>) answer;
            assertThat(response.getStatusCode().value()).isEqualTo(503);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        });
    }

    @Test
    void aPartitionOfTheTopicThatHasAppliedNothingYetHoldsThePositionAtZero() {
        Freshness overThreePartitions = new Freshness(db, applied, topic, Duration.ofMillis(120), System::nanoTime, () -> 3);

        assertThat(overThreePartitions.now().position()).isZero();
        applyThrough(2, 50);
        applied.advanced();
        assertThat(overThreePartitions.now().position()).isEqualTo(10);
    }

    /** A partition's checkpoint as the intake writes it, straight into the real table. */
    private void applyThrough(int partition, long position) {
        db.insertInto(PARTITION_CHECKPOINT)
                .set(PARTITION_CHECKPOINT.TOPIC, topic)
                .set(PARTITION_CHECKPOINT.KAFKA_PARTITION, partition)
                .set(PARTITION_CHECKPOINT.NEXT_OFFSET, position)
                .set(PARTITION_CHECKPOINT.LAST_POSITION, position)
                .set(PARTITION_CHECKPOINT.APPLIED_AT, OffsetDateTime.now())
                .onConflict(PARTITION_CHECKPOINT.TOPIC, PARTITION_CHECKPOINT.KAFKA_PARTITION).doUpdate()
                .set(PARTITION_CHECKPOINT.LAST_POSITION, position)
                .execute();
    }
}

package org.pmpledger.query.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.stereotype.Component;

import org.pmpledger.query.intake.IntakeFence;
import org.pmpledger.query.intake.PlanEventsIntake;
import org.pmpledger.query.rebuild.RebuildStatus.State;
import org.pmpledger.web.RequestRefused;

/**
 * Rebuilds every projection from the start of the topic (it keeps events forever) while the live
 * tables keep serving, one rebuild at a time across the query instances on one database:
 * <ol>
 *   <li>a shadow schema gets empty copies of every read-model table (and the reference data);</li>
 *   <li>a consumer group of its own folds the topic from offset 0 into it, with the same projections, a
 *       poll per transaction (the search_path picks the shadow tables);</li>
 *   <li>once it has caught up with the topic and with the live tables, the switch: in one transaction that holds
 *       the {@link IntakeFence} exclusively (no instance's intake writes the live tables meanwhile), it waits until the
 *       shadow tables have applied every partition as far as the live ones, and they take the live tables' place.
 *       The intakes then go on from their own offsets; what they see again is skipped by the rebuilt stream
 *       checkpoints.</li>
 * </ol>
 * Progress: {@link #status()} ({@code GET /api/v1/admin/rebuild}) and the gauge {@code pmp.rebuild.events}.
 */
@Component
public class Rebuild {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(30);
    /** How long the switch may hold every intake off while the shadow tables apply what the live ones had. */
    private static final Duration FENCED_LIMIT = Duration.ofSeconds(30);

    private final ShadowSchema shadow;
    private final GroupOffsets offsets;
    private final PlanEventsIntake intake;
    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> containers;
    private final IntakeFence fence;
    private final Clock clock;
    private final String topic;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>();
    private final AtomicLong applied = new AtomicLong();
    private final int consumers;

    Rebuild(
            ShadowSchema shadow,
            GroupOffsets offsets,
            PlanEventsIntake intake,
            ConcurrentKafkaListenerContainerFactory<String, byte[]> containers,
            IntakeFence fence,
            Clock clock,
            MeterRegistry meters,
            @Value("${pmp.intake.topic}") String topic,
            @Value("${pmp.rebuild.consumers:2}") int consumers) {
        this.shadow = shadow;
        this.offsets = offsets;
        this.intake = intake;
        this.containers = containers;
        this.fence = fence;
        this.clock = clock;
        this.topic = topic;
        this.consumers = consumers;
        meters.gauge("pmp.rebuild.events", applied);
    }

    public Optional<RebuildStatus> status() {
        RebuildStatus current = status.get();
        if (current == null) {
            return Optional.empty();
        }
        if (current.state().underWay()) {
            return Optional.of(progress(current, current.state(), null, null));
        }
        return Optional.of(current);
    }

    /**
     * Starts a rebuild unless one runs here (answers its status); refused when one runs on another instance.
     */
    public synchronized RebuildStatus start() {
        RebuildStatus current = status.get();
        if (current != null && current.state().underWay()) {
            return progress(current, current.state(), null, null);
        }
        IntakeFence.RebuildLock held = fence.holdRebuild()
                .orElseThrow(() -> RequestRefused.conflict(
                        "rebuild-under-way",
                        "A rebuild runs on another query instance: follow it there, or start one once it is done."));
        String id = "rebuild_" + clock.millis();
        applied.set(0);
        RebuildStatus started = new RebuildStatus(id, State.RUNNING, clock.instant(), null, 0, 0, Map.of(), null);
        status.set(started);
        Thread.ofPlatform().name("projection-" + id).daemon().start(() -> {
            try (held) {
                run(id);
            }
        });
        return started;
    }

    private void run(String schema) {
        ConcurrentMessageListenerContainer<String, byte[]> container = null;
        try {
            shadow.create(schema);
            container = containers.createContainer(topic);
            container.getContainerProperties().setGroupId(rebuildGroup(schema));
            container.getContainerProperties().setClientId(schema);
            // partitions fold side by side, one consumer and transaction each, as query instances apply theirs: the
            // decoding of one poll then overlaps the database's writes of another. No more consumers than partitions:
            // one without a partition never counts as paused, and the switch waits for all to pause
            container.setConcurrency(Math.max(1, Math.min(consumers, offsets.partitions())));
            container.setupMessageListener((BatchMessageListener<String, byte[]>) records -> {
                intake.applyBatch(records, schema);
                applied.addAndGet(records.size());
            });
            container.start();
            await(() -> offsets.lag(rebuildGroup(schema)).values().stream().allMatch(l -> l == 0), CATCH_UP_LIMIT);
            await(() -> shadow.caughtUpWithLive(schema), CATCH_UP_LIMIT);
            status.set(progress(status.get(), State.SWITCHING, null, null));
            ConcurrentMessageListenerContainer<String, byte[]> folding = container;
            shadow.replaceLive(schema, () -> {
                await(() -> shadow.caughtUpWithLive(schema), FENCED_LIMIT);
                folding.pause();
                await(folding::isContainerPaused, Duration.ofMinutes(1));
            });
            intake.tablesReplaced();
            container.stop();
            container = null;
            status.set(progress(status.get(), State.DONE, clock.instant(), null));
            LOG.info("rebuild {} done: {} events", schema, applied.get());
        } catch (RuntimeException e) {
            LOG.error("rebuild {} failed; the live projections keep serving", schema, e);
            if (container != null) {
                container.stop();
            }
            status.set(progress(status.get(), State.FAILED, clock.instant(), String.valueOf(e.getMessage())));
        }
    }

    private static String rebuildGroup(String schema) {
        return "pmp-query-" + schema.replace('_', '-');
    }

    private RebuildStatus progress(RebuildStatus current, State state, Instant finishedAt, String failure) {
        Instant end = finishedAt != null ? finishedAt : clock.instant();
        double seconds =
                Math.max(0.001, Duration.between(current.startedAt(), end).toMillis() / 1000.0);
        Map<Integer, Long> lag = Map.of();
        if (state != State.DONE) {
            try {
                Map<Integer, Long> byPartition = new HashMap<>();
                offsets.lag(rebuildGroup(current.id())).forEach((tp, l) -> byPartition.put(tp.partition(), l));
                lag = byPartition;
            } catch (RuntimeException e) {
                lag = Map.of();
            }
        }
        return new RebuildStatus(
                current.id(),
                state,
                current.startedAt(),
                finishedAt,
                applied.get(),
                Math.round(applied.get() / seconds * 10) / 10.0,
                lag,
                failure);
    }

    private static void await(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not get there within " + limit);
            }
            try {
                Thread.sleep(STEP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the rebuild was interrupted", e);
            }
        }
    }
}

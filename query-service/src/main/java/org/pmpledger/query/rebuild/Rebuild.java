package org.pmpledger.query.rebuild;

import static org.pmpledger.query.jooq.DefaultSchema.DEFAULT_SCHEMA;
import static org.pmpledger.query.jooq.Tables.AGENCY;
import static org.pmpledger.query.jooq.Tables.PARKED_RECORD;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.pmpledger.query.intake.PlanEventsIntake;

/**
 * Rebuilds every projection from the start of the topic (it keeps events forever) while the live
 * tables keep serving:
 * <ol>
 *   <li>a shadow schema gets empty copies of every read-model table (and the reference data);</li>
 *   <li>a second consumer group folds the topic from offset 0 into it, with the same projections, a
 *       poll per transaction (the search_path picks the shadow tables);</li>
 *   <li>once it has caught up, the live listener pauses; when the rebuild has applied at least what
 *       the live tables had, the shadow tables replace the live ones in one transaction and the live
 *       listener resumes (what it sees again is skipped by the rebuilt stream checkpoints).</li>
 * </ol>
 * Progress: {@link #status()} ({@code GET /api/v1/admin/rebuild}) and the gauge {@code pmp.rebuild.events}.
 */
@Component
public class Rebuild {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(30);

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final PlanEventsIntake intake;
    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> containers;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final Clock clock;
    private final String topic;
    private final String liveGroup;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>();
    private final AtomicLong applied = new AtomicLong();

    Rebuild(
            DSLContext db,
            TransactionTemplate transaction,
            PlanEventsIntake intake,
            ConcurrentKafkaListenerContainerFactory<String, byte[]> containers,
            KafkaListenerEndpointRegistry listeners,
            KafkaAdmin kafkaAdmin,
            Clock clock,
            MeterRegistry meters,
            @Value("${pmp.intake.topic}") String topic,
            @Value("${spring.kafka.consumer.group-id}") String liveGroup) {
        this.db = db;
        this.transaction = transaction;
        this.intake = intake;
        this.containers = containers;
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.clock = clock;
        this.topic = topic;
        this.liveGroup = liveGroup;
        meters.gauge("pmp.rebuild.events", applied);
    }

    public Optional<RebuildStatus> status() {
        RebuildStatus current = status.get();
        if (current == null) {
            return Optional.empty();
        }
        if (current.state().equals("RUNNING") || current.state().equals("SWITCHING")) {
            return Optional.of(progress(current, current.state(), null, null));
        }
        return Optional.of(current);
    }

    /** Starts a rebuild unless one runs; answers its status. */
    public synchronized RebuildStatus start() {
        RebuildStatus current = status.get();
        if (current != null
                && (current.state().equals("RUNNING") || current.state().equals("SWITCHING"))) {
            return progress(current, current.state(), null, null);
        }
        String id = "rebuild_" + clock.millis();
        applied.set(0);
        RebuildStatus started = new RebuildStatus(id, "RUNNING", clock.instant(), null, 0, 0, Map.of(), null);
        status.set(started);
        Thread.ofPlatform().name("projection-" + id).daemon().start(() -> run(id));
        return started;
    }

    private void run(String schema) {
        ConcurrentMessageListenerContainer<String, byte[]> container = null;
        intake.rebuilding(true);
        try {
            createShadow(schema);
            container = containers.createContainer(topic);
            container.getContainerProperties().setGroupId("pmp-query-" + schema.replace('_', '-'));
            container.getContainerProperties().setClientId(schema);
            container.setupMessageListener((BatchMessageListener<String, byte[]>) records -> {
                intake.applyBatch(records, schema);
                applied.addAndGet(records.size());
            });
            container.start();
            await(() -> lag(rebuildGroup(schema)).values().stream().allMatch(l -> l == 0), CATCH_UP_LIMIT);
            status.set(progress(status.get(), "SWITCHING", null, null));
            MessageListenerContainer live = listeners.getListenerContainer(PlanEventsIntake.LISTENER_ID);
            live.pause();
            await(live::isContainerPaused, Duration.ofMinutes(1));
            Map<TopicPartition, Long> liveOffsets = committed(liveGroup);
            await(() -> reached(committed(rebuildGroup(schema)), liveOffsets), CATCH_UP_LIMIT);
            container.pause();
            await(container::isContainerPaused, Duration.ofMinutes(1));
            swap(schema);
            intake.tablesReplaced();
            container.stop();
            container = null;
            live.resume();
            status.set(progress(status.get(), "DONE", clock.instant(), null));
            LOG.info("rebuild {} done: {} events", schema, applied.get());
        } catch (RuntimeException | InterruptedException e) {
            LOG.error("rebuild {} failed; the live projections keep serving", schema, e);
            if (container != null) {
                container.stop();
            }
            MessageListenerContainer live = listeners.getListenerContainer(PlanEventsIntake.LISTENER_ID);
            if (live != null && live.isPauseRequested()) {
                live.resume();
            }
            status.set(progress(status.get(), "FAILED", clock.instant(), String.valueOf(e.getMessage())));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            intake.rebuilding(false);
        }
    }

    private static String rebuildGroup(String schema) {
        return "pmp-query-" + schema.replace('_', '-');
    }

    /**
     * Empty copies of every read-model table (constraints and indexes included), the reference data, and the parked
     * records an operator released.
     */
    private void createShadow(String schema) {
        transaction.executeWithoutResult(tx -> {
            db.createSchema(DSL.name(schema)).execute();
            for (Table<?> table : DEFAULT_SCHEMA.getTables()) {
                db.execute("CREATE TABLE {0} (LIKE {1} INCLUDING ALL)", DSL.name(schema, table.getName()), table);
            }
            db.insertInto(DSL.table(DSL.name(schema, AGENCY.getName())))
                    .select(db.selectFrom(AGENCY))
                    .execute();
            // an operator's release holds across rebuilds: the rebuild gives up on the same records
            var released = List.of(
                    PARKED_RECORD.TOPIC,
                    PARKED_RECORD.KAFKA_PARTITION,
                    PARKED_RECORD.KAFKA_OFFSET,
                    PARKED_RECORD.STREAM_ID,
                    PARKED_RECORD.EVENT_TYPE,
                    PARKED_RECORD.SEQUENCE,
                    PARKED_RECORD.POSITION,
                    PARKED_RECORD.REASON,
                    PARKED_RECORD.HEADERS,
                    PARKED_RECORD.PAYLOAD,
                    PARKED_RECORD.PARKED_AT,
                    PARKED_RECORD.RESOLUTION,
                    PARKED_RECORD.RESOLVED_AT);
            db.insertInto(DSL.table(DSL.name(schema, PARKED_RECORD.getName())), released)
                    .select(db.select(released).from(PARKED_RECORD).where(PARKED_RECORD.RESOLUTION.eq("RELEASED")))
                    .execute();
        });
    }

    /** The shadow tables take the live tables' place in one transaction; the old ones are dropped. */
    private void swap(String schema) {
        String retired = schema + "_retired";
        transaction.executeWithoutResult(tx -> {
            // taking every live table waits for the reads under way: longer than a request's lock wait
            db.execute("SET LOCAL lock_timeout = '60s'");
            db.execute("SET LOCAL statement_timeout = '90s'");
            db.createSchema(DSL.name(retired)).execute();
            for (Table<?> table : DEFAULT_SCHEMA.getTables()) {
                db.execute("ALTER TABLE {0} SET SCHEMA {1}", DSL.name("public", table.getName()), DSL.name(retired));
                db.execute("ALTER TABLE {0} SET SCHEMA {1}", DSL.name(schema, table.getName()), DSL.name("public"));
            }
            db.dropSchema(DSL.name(schema)).cascade().execute();
            db.dropSchema(DSL.name(retired)).cascade().execute();
        });
    }

    private RebuildStatus progress(RebuildStatus current, String state, Instant finishedAt, String failure) {
        Instant end = finishedAt != null ? finishedAt : clock.instant();
        double seconds =
                Math.max(0.001, Duration.between(current.startedAt(), end).toMillis() / 1000.0);
        Map<Integer, Long> lag = Map.of();
        if (!state.equals("DONE")) {
            try {
                Map<Integer, Long> byPartition = new HashMap<>();
                lag(rebuildGroup(current.id())).forEach((tp, l) -> byPartition.put(tp.partition(), l));
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

    private Map<TopicPartition, Long> lag(String group) {
        Map<TopicPartition, Long> committed = committed(group);
        Map<TopicPartition, Long> lag = new HashMap<>();
        endOffsets().forEach((tp, end) -> lag.put(tp, Math.max(0, end - committed.getOrDefault(tp, 0L))));
        return lag;
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            List<TopicPartition> partitions =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            Map<TopicPartition, Long> result = new HashMap<>();
            ends.forEach((tp, info) -> result.put(tp, info.offset()));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    private Map<TopicPartition, Long> committed(String group) {
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((tp, offset) -> {
                if (offset != null && tp.topic().equals(topic)) {
                    result.put(tp, offset.offset());
                }
            });
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e);
        }
    }

    private static boolean reached(Map<TopicPartition, Long> rebuild, Map<TopicPartition, Long> live) {
        return live.entrySet().stream().allMatch(e -> rebuild.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not get there within " + limit);
            }
            Thread.sleep(STEP);
        }
    }
}

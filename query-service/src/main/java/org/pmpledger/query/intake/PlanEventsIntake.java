package org.pmpledger.query.intake;

import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;
import static org.pmpledger.query.jooq.Tables.STREAM_CHECKPOINT;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import java.util.ArrayList;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applies each poll's batch of events in one database transaction that also stores the checkpoints:
 * per stream the last applied sequence (re-deliveries at or below it are skipped), per partition
 * the next offset and last position. The listener returns, and Kafka offsets are committed, only
 * after that commit: exactly-once in effect under re-delivery and restarts.
 */
@Component
public class PlanEventsIntake {

    private static final Logger LOG = LoggerFactory.getLogger(PlanEventsIntake.class);

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final List<Projection> projections;
    private final AppliedPositions applied;

    PlanEventsIntake(DSLContext db, TransactionTemplate transaction, JsonMapper json, List<Projection> projections,
                     AppliedPositions applied) {
        this.db = db;
        this.transaction = transaction;
        this.json = json;
        this.projections = projections;
        this.applied = applied;
    }

    /** The listener of the live projections; a rebuild runs a second one (see {@code Rebuild}). */
    public static final String LISTENER_ID = "plan-projections";

    @KafkaListener(id = LISTENER_ID, topics = "${pmp.intake.topic}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        applyBatch(records, null);
        applied.advanced();
    }

    /** The live tables were replaced by rebuilt ones: what reads saw of the checkpoints must be read again. */
    public void tablesReplaced() {
        applied.advanced();
    }

    /**
     * Applies one poll in one transaction: into the live tables, or (a rebuild) into the same tables of
     * {@code schema}, chosen by the transaction's search_path.
     */
    public void applyBatch(List<ConsumerRecord<String, byte[]>> records, String schema) {
        transaction.executeWithoutResult(tx -> {
            if (schema != null) {
                db.execute("SET LOCAL search_path TO {0}", DSL.name(schema));
            }
            apply(records);
        });
    }

    void apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Long> lastSequence = lastSequences(records);
        Map<String, Long> advancedStreams = new LinkedHashMap<>();
        Map<TopicPartition, ConsumerRecord<String, byte[]>> lastOfPartition = new LinkedHashMap<>();
        Map<TopicPartition, Long> positionOfPartition = new HashMap<>();
        Writes writes = new Writes(db);
        for (ConsumerRecord<String, byte[]> record : records) {
            PublishedEvent published = PublishedEvent.decode(record, json);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            lastOfPartition.put(partition, record);
            positionOfPartition.merge(partition, published.position(), Math::max);
            if (published.watermark()) {
                continue; // only moves the partition's position
            }
            long last = lastSequence.getOrDefault(published.streamId(), -1L);
            if (published.sequence() <= last) {
                continue; // re-delivered: applied before
            }
            if (published.event().isEmpty()) {
                LOG.warn("skipping event of unknown type {} at {}", published.type(), published.position());
            } else {
                projections.forEach(projection -> projection.fold(published, writes));
            }
            lastSequence.put(published.streamId(), published.sequence());
            advancedStreams.put(published.streamId(), published.sequence());
        }
        List<Query> checkpoints = new ArrayList<>();
        advancedStreams.forEach((stream, sequence) -> checkpoints.add(db.insertInto(STREAM_CHECKPOINT)
                .set(STREAM_CHECKPOINT.STREAM_ID, stream)
                .set(STREAM_CHECKPOINT.LAST_SEQUENCE, sequence)
                .onConflict(STREAM_CHECKPOINT.STREAM_ID).doUpdate()
                .set(STREAM_CHECKPOINT.LAST_SEQUENCE, sequence)));
        OffsetDateTime now = OffsetDateTime.now();
        lastOfPartition.forEach((partition, record) -> checkpoints.add(db.insertInto(PARTITION_CHECKPOINT)
                .set(PARTITION_CHECKPOINT.TOPIC, partition.topic())
                .set(PARTITION_CHECKPOINT.KAFKA_PARTITION, partition.partition())
                .set(PARTITION_CHECKPOINT.NEXT_OFFSET, record.offset() + 1)
                .set(PARTITION_CHECKPOINT.LAST_POSITION, positionOfPartition.get(partition))
                .set(PARTITION_CHECKPOINT.APPLIED_AT, now)
                .onConflict(PARTITION_CHECKPOINT.TOPIC, PARTITION_CHECKPOINT.KAFKA_PARTITION).doUpdate()
                .set(PARTITION_CHECKPOINT.NEXT_OFFSET, record.offset() + 1)
                .set(PARTITION_CHECKPOINT.LAST_POSITION, DSL.greatest(PARTITION_CHECKPOINT.LAST_POSITION,
                        DSL.val(positionOfPartition.get(partition))))
                .set(PARTITION_CHECKPOINT.APPLIED_AT, now)));
        checkpoints.forEach(writes::add);
        if (!writes.isEmpty()) {
            db.batch(writes.queries()).execute();
        }
    }

    private Map<String, Long> lastSequences(List<ConsumerRecord<String, byte[]>> records) {
        List<String> streams = records.stream().map(ConsumerRecord::key).filter(Objects::nonNull).distinct().toList();
        Map<String, Long> last = new HashMap<>();
        db.select(STREAM_CHECKPOINT.STREAM_ID, STREAM_CHECKPOINT.LAST_SEQUENCE)
                .from(STREAM_CHECKPOINT)
                .where(STREAM_CHECKPOINT.STREAM_ID.in(streams))
                .forUpdate()
                .forEach(row -> last.put(row.value1(), row.value2()));
        return last;
    }
}

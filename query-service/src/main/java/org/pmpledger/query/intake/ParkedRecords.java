package org.pmpledger.query.intake;

import static org.pmpledger.query.jooq.Tables.PARKED_RECORD;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.EventHeaders;
import org.pmpledger.query.jooq.tables.records.ParkedRecordRecord;

/**
 * The records the intake parked, with their reasons (table {@code parked_record}); a stream with an unresolved one is
 * held. Counted in the metrics {@code pmp.intake.parked} (unresolved now) and {@code pmp.intake.parked.records} (parked
 * since start).
 */
@Component
public class ParkedRecords {

    /**
     * How a parked record was resolved: applied after all (retried), given up on (released), or passed: its stream had
     * already moved past it when it was taken again (applied before, or given up on with an earlier release).
     */
    public enum Resolution {
        APPLIED,
        RELEASED,
        PASSED
    }

    /** One parked record as an operator sees it. */
    public record Parked(
            long parkedId,
            String streamId,
            String type,
            Long sequence,
            Long position,
            int partition,
            long offset,
            String reason,
            OffsetDateTime parkedAt,
            String resolution) {}

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter parkedCount;

    ParkedRecords(DSLContext db, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.parkedCount = Counter.builder("pmp.intake.parked.records")
                .description("Records the intake parked since the service started")
                .register(meters);
        Gauge.builder("pmp.intake.parked", this, ParkedRecords::unresolved)
                .description("Parked records not yet retried or released")
                .register(meters);
    }

    /** The streams among {@code streams} that wait behind an unresolved parked record. */
    Set<String> held(Collection<String> streams) {
        if (streams.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(db.selectDistinct(PARKED_RECORD.STREAM_ID)
                .from(PARKED_RECORD)
                .where(PARKED_RECORD.RESOLUTION.isNull())
                .and(PARKED_RECORD.STREAM_ID.in(streams))
                .fetch(PARKED_RECORD.STREAM_ID));
    }

    public boolean isHeld(String streamId) {
        return db.fetchExists(
                PARKED_RECORD, PARKED_RECORD.RESOLUTION.isNull().and(PARKED_RECORD.STREAM_ID.eq(streamId)));
    }

    /**
     * The places ({@link #place}) of the released records among {@code records} (with any other released ones within
     * their offsets): the intake gives up on them wherever they come again.
     */
    Set<String> released(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        // one range of offsets per partition keeps the condition small whatever the poll's size; the caller looks each
        // record's exact place up in the answer, so other released records within a range change nothing
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ranges.merge(
                    new TopicPartition(record.topic(), record.partition()),
                    new long[] {record.offset(), record.offset()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        var condition = DSL.noCondition();
        for (Map.Entry<TopicPartition, long[]> range : ranges.entrySet()) {
            condition = condition.or(PARKED_RECORD
                    .TOPIC
                    .eq(range.getKey().topic())
                    .and(PARKED_RECORD.KAFKA_PARTITION.eq(range.getKey().partition()))
                    .and(PARKED_RECORD.KAFKA_OFFSET.between(range.getValue()[0], range.getValue()[1])));
        }
        return new HashSet<>(db.select(PARKED_RECORD.TOPIC, PARKED_RECORD.KAFKA_PARTITION, PARKED_RECORD.KAFKA_OFFSET)
                .from(PARKED_RECORD)
                .where(PARKED_RECORD.RESOLUTION.eq(Resolution.RELEASED.name()))
                .and(condition)
                .fetch(row -> place(row.value1(), row.value2(), row.value3())));
    }

    static String place(ConsumerRecord<?, ?> record) {
        return place(record.topic(), record.partition(), record.offset());
    }

    private static String place(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    /**
     * Parks a record with its reason. Parked again (a retry that failed, a released record its stream holds again), it
     * keeps its place, takes the new reason and waits again. Text the record controls is kept without control
     * characters (PostgreSQL's text refuses NUL).
     */
    void park(ConsumerRecord<String, byte[]> record, PublishedEvent event, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String kept = printable(reason, 1900);
        db.insertInto(PARKED_RECORD)
                .set(PARKED_RECORD.TOPIC, record.topic())
                .set(PARKED_RECORD.KAFKA_PARTITION, record.partition())
                .set(PARKED_RECORD.KAFKA_OFFSET, record.offset())
                .set(PARKED_RECORD.STREAM_ID, printable(record.key(), 255))
                .set(
                        PARKED_RECORD.EVENT_TYPE,
                        printable(event == null ? headers.get(EventHeaders.TYPE) : event.type(), 255))
                .set(
                        PARKED_RECORD.SEQUENCE,
                        event == null
                                ? IntakeBatch.header(record, EventHeaders.SEQUENCE)
                                        .orElse(null)
                                : event.sequence())
                .set(
                        PARKED_RECORD.POSITION,
                        event == null
                                ? IntakeBatch.header(record, EventHeaders.POSITION)
                                        .orElse(null)
                                : event.position())
                .set(PARKED_RECORD.REASON, kept)
                .set(PARKED_RECORD.HEADERS, json.writeValueAsString(headers))
                .set(PARKED_RECORD.PAYLOAD, record.value())
                .set(PARKED_RECORD.PARKED_AT, OffsetDateTime.now(clock))
                .onConflict(PARKED_RECORD.TOPIC, PARKED_RECORD.KAFKA_PARTITION, PARKED_RECORD.KAFKA_OFFSET)
                .doUpdate()
                .set(PARKED_RECORD.REASON, kept)
                .setNull(PARKED_RECORD.RESOLUTION)
                .setNull(PARKED_RECORD.RESOLVED_AT)
                .execute();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    parkedCount.increment();
                }
            });
        }
    }

    /** The unresolved records of a stream, in its order (sequence, then offset), as the topic delivered them. */
    List<ParkedRecordRecord> unresolvedOf(String streamId) {
        return db.selectFrom(PARKED_RECORD)
                .where(PARKED_RECORD.RESOLUTION.isNull())
                .and(PARKED_RECORD.STREAM_ID.eq(streamId))
                .orderBy(PARKED_RECORD.SEQUENCE.asc().nullsLast(), PARKED_RECORD.KAFKA_OFFSET.asc())
                .forUpdate()
                .fetch();
    }

    Optional<ParkedRecordRecord> find(long parkedId) {
        return db.selectFrom(PARKED_RECORD)
                .where(PARKED_RECORD.PARKED_ID.eq(parkedId))
                .fetchOptional();
    }

    void resolve(long parkedId, Resolution resolution) {
        db.update(PARKED_RECORD)
                .set(PARKED_RECORD.RESOLUTION, resolution.name())
                .set(PARKED_RECORD.RESOLVED_AT, OffsetDateTime.now(clock))
                .where(PARKED_RECORD.PARKED_ID.eq(parkedId))
                .execute();
    }

    /** The record as the topic delivered it, to apply it again. */
    ConsumerRecord<String, byte[]> asDelivered(ParkedRecordRecord parked) {
        RecordHeaders headers = new RecordHeaders();
        json.readValue(parked.getHeaders(), HEADERS)
                .forEach((name, value) ->
                        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        byte[] value = parked.getPayload();
        return new ConsumerRecord<>(
                parked.getTopic(),
                parked.getKafkaPartition(),
                parked.getKafkaOffset(),
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                -1,
                value == null ? -1 : value.length,
                parked.getStreamId(),
                value,
                headers,
                Optional.empty());
    }

    /** The unresolved records first, newest first, then the latest resolved ones: at most {@code limit}. */
    public List<Parked> latest(int limit) {
        return db.selectFrom(PARKED_RECORD)
                .orderBy(DSL.when(PARKED_RECORD.RESOLUTION.isNull(), 0).otherwise(1), PARKED_RECORD.PARKED_ID.desc())
                .limit(limit)
                .fetch(ParkedRecords::view);
    }

    static Parked view(ParkedRecordRecord r) {
        return new Parked(
                r.getParkedId(),
                r.getStreamId(),
                r.getEventType(),
                r.getSequence(),
                r.getPosition(),
                r.getKafkaPartition(),
                r.getKafkaOffset(),
                r.getReason(),
                r.getParkedAt(),
                r.getResolution());
    }

    public long unresolved() {
        return db.fetchCount(PARKED_RECORD, PARKED_RECORD.RESOLUTION.isNull());
    }

    public long heldStreams() {
        return db.fetchValue(DSL.select(DSL.countDistinct(PARKED_RECORD.STREAM_ID))
                .from(PARKED_RECORD)
                .where(PARKED_RECORD.RESOLUTION.isNull()));
    }

    /** The text without control characters, at most {@code length} characters. */
    private static String printable(String text, int length) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= length ? clean : clean.substring(0, length);
    }
}

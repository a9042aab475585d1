package org.pmpledger.query.intake;

import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;
import static org.pmpledger.query.jooq.Tables.STREAM_CHECKPOINT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.EventHeaders;

/**
 * One pass of records through the projections, inside the caller's transaction. A stream's records apply in sequence
 * order; one already applied (at or below the stream's checkpoint) is skipped. A record that cannot be applied for a
 * reason retrying does not fix is parked ({@link ParkedRecords}) with its reason, and its stream is held: its later
 * records are parked behind it, so the stream's order is kept while every other stream flows.
 * <ul>
 *   <li>{@link Mode#TOGETHER}: the pass's writes are coalesced into a few statements, one per table and shape of
 *       change (the steady path);</li>
 *   <li>{@link Mode#ONE_BY_ONE}: each record's writes run under a savepoint of their own, so a write the database
 *       refuses parks that record alone (the path after a batch failed for such a reason).</li>
 * </ul>
 */
final class IntakeBatch {

    enum Mode {
        TOGETHER,
        ONE_BY_ONE
    }

    /** A stream id as the publisher keys records: a plan's UUID or a cycle's id. Any other key is unreadable. */
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** What became of a record. */
    enum Outcome {
        APPLIED,
        SKIPPED,
        PARKED
    }

    private final DSLContext db;
    private final JsonMapper json;
    private final List<Projection> projections;
    private final ParkedRecords parked;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final Mode mode;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final Map<String, Long> advancedStreams = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> positionOf = new HashMap<>();
    private final Map<TopicPartition, Instant> committedBefore = new HashMap<>();
    private final Writes writes;
    private final List<AppliedTrail.PublishedRecord> applied = new ArrayList<>();
    private Set<String> held = Set.of();
    private Set<String> released = Set.of();

    IntakeBatch(
            DSLContext db,
            JsonMapper json,
            List<Projection> projections,
            ParkedRecords parked,
            TransactionTemplate savepoint,
            Clock clock,
            Mode mode) {
        this.db = db;
        this.json = json;
        this.projections = projections;
        this.parked = parked;
        this.savepoint = savepoint;
        this.clock = clock;
        this.mode = mode;
        this.writes = new Writes(db);
    }

    /** A poll: every record taken, then the stream and partition checkpoints, all in the caller's transaction. */
    void apply(List<ConsumerRecord<String, byte[]>> records) {
        know(
                records.stream()
                        .map(ConsumerRecord::key)
                        .filter(key -> key != null && STREAM_ID.matcher(key).matches())
                        .distinct()
                        .toList(),
                records);
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            nextOffset.put(partition, record.offset() + 1);
            header(record, EventHeaders.POSITION)
                    .ifPresent(position -> positionOf.merge(partition, position, Math::max));
            take(record, false);
        }
        finish(true);
    }

    /**
     * Parked records of one stream again, in order, as an operator asks: they are no longer held behind each other,
     * and {@code releasing} (if any) is given up on: applied accepting a gap before it, or skipped if unreadable.
     * Stops at the first that still cannot be applied (parked again with its new reason).
     *
     * @return the outcome of each record taken, in order
     */
    Map<ConsumerRecord<String, byte[]>, Outcome> applyAgain(
            String streamId, List<ConsumerRecord<String, byte[]>> records, ConsumerRecord<String, byte[]> releasing) {
        know(List.of(streamId), List.of());
        held = new HashSet<>();
        Map<ConsumerRecord<String, byte[]>, Outcome> outcomes = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Outcome outcome = take(record, record == releasing);
            outcomes.put(record, outcome);
            if (outcome == Outcome.PARKED) {
                break;
            }
        }
        finish(false);
        return outcomes;
    }

    /** The records this pass applied, in order: in the read model once the caller's transaction commits. */
    List<AppliedTrail.PublishedRecord> applied() {
        return List.copyOf(applied);
    }

    private void know(Collection<String> streams, List<ConsumerRecord<String, byte[]>> records) {
        if (!streams.isEmpty()) {
            db.select(STREAM_CHECKPOINT.STREAM_ID, STREAM_CHECKPOINT.LAST_SEQUENCE)
                    .from(STREAM_CHECKPOINT)
                    .where(STREAM_CHECKPOINT.STREAM_ID.in(streams))
                    .forUpdate()
                    .forEach(row -> lastSequence.put(row.value1(), row.value2()));
        }
        held = parked.held(streams);
        released = parked.released(records);
    }

    /**
     * One record: applied, skipped (a watermark, a record applied before, one given up on), or parked with its reason.
     * A record of a held stream is parked behind the earlier one whatever it is, a released one too: its release is
     * decided again once the stream gets there.
     */
    private Outcome take(ConsumerRecord<String, byte[]> record, boolean releasing) {
        boolean givenUp = releasing || released.contains(ParkedRecords.place(record));
        if (record.key() != null && !STREAM_ID.matcher(record.key()).matches()) {
            return givenUp ? Outcome.SKIPPED : park(record, null, "unreadable: its key is no stream id");
        }
        PublishedEvent published = null;
        String unreadable = null;
        try {
            published = PublishedEvent.decode(record, json);
        } catch (RuntimeException e) {
            unreadable = "unreadable: " + IntakeFailures.reasonOf(e);
        }
        if (published != null && published.watermark()) {
            if (published.committedBefore() != null) {
                committedBefore.merge(
                        new TopicPartition(record.topic(), record.partition()),
                        published.committedBefore(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            return Outcome.SKIPPED; // only moves its partition's position
        }
        String stream = published != null ? published.streamId() : record.key();
        if (stream == null) {
            return givenUp
                    ? Outcome.SKIPPED
                    : park(record, published, unreadable != null ? unreadable : "no key: the record names no stream");
        }
        if (held.contains(stream)) {
            return park(record, published, "held: stream " + stream + " waits behind an earlier parked record");
        }
        Optional<Long> sequence =
                published != null ? Optional.of(published.sequence()) : header(record, EventHeaders.SEQUENCE);
        long last = lastSequence.getOrDefault(stream, -1L);
        if (sequence.isPresent() && sequence.get() <= last) {
            return Outcome.SKIPPED; // delivered again: applied (or given up on) before
        }
        if (unreadable != null) {
            return givenUp ? passOver(stream, sequence) : park(record, null, unreadable);
        }
        if (published.sequence() > last + 1 && !givenUp) {
            return park(
                    record,
                    published,
                    "sequence gap: stream " + stream + " has applied through " + last + ", this record is "
                            + published.sequence());
        }
        if (published.event().isEmpty()) {
            return givenUp
                    ? passOver(stream, sequence)
                    : park(
                            record,
                            published,
                            "unknown event type " + published.type() + ": this version of the service cannot fold it");
        }
        PublishedEvent event = published;
        if (mode == Mode.TOGETHER) {
            projections.forEach(projection -> projection.fold(event, writes));
        } else {
            try {
                savepoint.executeWithoutResult(status -> {
                    Writes own = new Writes(db);
                    projections.forEach(projection -> projection.fold(event, own));
                    own.add(streamCheckpoint(stream, event.sequence()));
                    own.execute();
                });
            } catch (RuntimeException refused) {
                if (IntakeFailures.passes(refused)) {
                    throw refused;
                }
                return givenUp
                        ? passOver(stream, sequence)
                        : park(record, event, "not applied: " + IntakeFailures.reasonOf(refused));
            }
        }
        lastSequence.put(stream, event.sequence());
        advancedStreams.put(stream, event.sequence());
        applied.add(new AppliedTrail.PublishedRecord(record, event));
        return Outcome.APPLIED;
    }

    /**
     * A record given up on is not applied, but its stream goes on after it: the stream's checkpoint moves to its place
     * when that is known.
     */
    private Outcome passOver(String stream, Optional<Long> sequence) {
        if (stream != null && sequence.isPresent() && sequence.get() > lastSequence.getOrDefault(stream, -1L)) {
            lastSequence.put(stream, sequence.get());
            if (mode == Mode.TOGETHER) {
                advancedStreams.put(stream, sequence.get());
            } else {
                streamCheckpoint(stream, sequence.get()).execute();
            }
        }
        return Outcome.SKIPPED;
    }

    private Outcome park(ConsumerRecord<String, byte[]> record, PublishedEvent published, String reason) {
        parked.park(record, published, reason);
        if (record.key() != null) {
            held.add(record.key());
        }
        return Outcome.PARKED;
    }

    private void finish(boolean partitions) {
        if (mode == Mode.TOGETHER && !advancedStreams.isEmpty()) {
            writes.add(streamCheckpoints(advancedStreams));
        }
        if (partitions) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            nextOffset.forEach((partition, next) -> writes.add(partitionCheckpoint(
                    partition, next, positionOf.get(partition), committedBefore.get(partition), now)));
        }
        if (!writes.isEmpty()) {
            writes.execute();
        }
    }

    /** Every stream's new checkpoint of the poll in one statement (each stream once: the map's keys). */
    private Query streamCheckpoints(Map<String, Long> sequences) {
        var rows = db.insertInto(STREAM_CHECKPOINT, STREAM_CHECKPOINT.STREAM_ID, STREAM_CHECKPOINT.LAST_SEQUENCE);
        for (Map.Entry<String, Long> stream : sequences.entrySet()) {
            rows = rows.values(stream.getKey(), stream.getValue());
        }
        return rows.onConflict(STREAM_CHECKPOINT.STREAM_ID)
                .doUpdate()
                .set(STREAM_CHECKPOINT.LAST_SEQUENCE, DSL.excluded(STREAM_CHECKPOINT.LAST_SEQUENCE));
    }

    private Query streamCheckpoint(String stream, long sequence) {
        return db.insertInto(STREAM_CHECKPOINT)
                .set(STREAM_CHECKPOINT.STREAM_ID, stream)
                .set(STREAM_CHECKPOINT.LAST_SEQUENCE, sequence)
                .onConflict(STREAM_CHECKPOINT.STREAM_ID)
                .doUpdate()
                .set(STREAM_CHECKPOINT.LAST_SEQUENCE, sequence);
    }

    private Query partitionCheckpoint(
            TopicPartition partition, long next, Long position, Instant committed, OffsetDateTime now) {
        long known = position == null ? 0 : position;
        OffsetDateTime before = committed == null ? null : committed.atOffset(ZoneOffset.UTC);
        return db.insertInto(PARTITION_CHECKPOINT)
                .set(PARTITION_CHECKPOINT.TOPIC, partition.topic())
                .set(PARTITION_CHECKPOINT.KAFKA_PARTITION, partition.partition())
                .set(PARTITION_CHECKPOINT.NEXT_OFFSET, next)
                .set(PARTITION_CHECKPOINT.LAST_POSITION, known)
                .set(PARTITION_CHECKPOINT.COMMITTED_BEFORE, before)
                .set(PARTITION_CHECKPOINT.APPLIED_AT, now)
                .onConflict(PARTITION_CHECKPOINT.TOPIC, PARTITION_CHECKPOINT.KAFKA_PARTITION)
                .doUpdate()
                // a partition's records delivered again (another instance, a rebuilt table) never move it back
                .set(PARTITION_CHECKPOINT.NEXT_OFFSET, DSL.greatest(PARTITION_CHECKPOINT.NEXT_OFFSET, DSL.val(next)))
                .set(
                        PARTITION_CHECKPOINT.LAST_POSITION,
                        DSL.greatest(PARTITION_CHECKPOINT.LAST_POSITION, DSL.val(known)))
                .set(
                        PARTITION_CHECKPOINT.COMMITTED_BEFORE,
                        before == null
                                ? PARTITION_CHECKPOINT.COMMITTED_BEFORE
                                : DSL.greatest(
                                        DSL.coalesce(PARTITION_CHECKPOINT.COMMITTED_BEFORE, DSL.val(before)),
                                        DSL.val(before)))
                .set(PARTITION_CHECKPOINT.APPLIED_AT, now);
    }

    /** A number a record's header carries, even when the rest of the record cannot be read. */
    static Optional<Long> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(new String(header.value(), StandardCharsets.UTF_8)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

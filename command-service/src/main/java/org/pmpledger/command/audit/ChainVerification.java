package org.pmpledger.command.audit;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.pmpledger.command.jooq.tables.records.DomainEventEntryRecord;

/**
 * Recomputes the hash chain of the event store (every stream, or one plan's) from the stored events
 * themselves and answers the first event whose stored hash or link does not match, with the reason.
 * The canonical form is the one of migration V4 and the README: SHA-256 over the previous hash of the
 * stream, the UTF-8 of id, stream, sequence, type, revision and recording time (each followed by a
 * newline), the payload, a newline and the metadata.
 */
@Component
public class ChainVerification {

    private final DSLContext db;
    private final ChainCheckpoints checkpoints;

    ChainVerification(DSLContext db, ChainCheckpoints checkpoints) {
        this.db = db;
        this.checkpoints = checkpoints;
    }

    /**
     * The outcome; {@code firstMismatch} is null when every checked event matches; {@code latestCheckpoint} (whole store
     * only, null before any checkpoint) says whether the latest checkpoint's head hash still comes out of the stored
     * events.
     */
    public record Result(
            boolean ok,
            long eventsChecked,
            long streamsChecked,
            Mismatch firstMismatch,
            CheckpointCheck latestCheckpoint) {}

    /** A recorded checkpoint recomputed: its head hash as recorded and as the stored events give it now. */
    public record CheckpointCheck(
            long checkpointId,
            long throughGlobalIndex,
            boolean ok,
            String recordedHeadHash,
            String recomputedHeadHash) {}

    /** The first event that does not match, and why. */
    public record Mismatch(
            long globalIndex,
            String eventIdentifier,
            String streamId,
            long sequence,
            String type,
            String reason,
            String storedHash,
            String recomputedHash) {}

    @Transactional(readOnly = true)
    public Result verify(String streamId) {
        Condition which = streamId == null ? DSL.noCondition() : DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(streamId);
        long events = 0;
        long streams = 0;
        String stream = null;
        byte[] previous = null;
        long expectedSequence = 0;
        try (Cursor<DomainEventEntryRecord> cursor = db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(which)
                .orderBy(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER, DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                .fetchSize(500)
                .fetchLazy()) {
            for (DomainEventEntryRecord event : cursor) {
                if (!event.getAggregateIdentifier().equals(stream)) {
                    stream = event.getAggregateIdentifier();
                    streams++;
                    previous = null;
                    expectedSequence = 0;
                }
                events++;
                byte[] recomputed = hash(previous, event);
                String reason = null;
                if (event.getSequenceNumber() != expectedSequence) {
                    reason = "sequence " + event.getSequenceNumber() + " follows " + (expectedSequence - 1)
                            + ": an event is missing";
                } else if (!Arrays.equals(previous, event.getPreviousHash())) {
                    reason = "previous_hash is not the hash of the stream's previous event";
                } else if (!Arrays.equals(recomputed, event.getEventHash())) {
                    reason =
                            "event_hash does not match the event's stored content (id, stream, sequence, type, revision, "
                                    + "recording time, payload, metadata)";
                }
                if (reason != null) {
                    return new Result(
                            false,
                            events,
                            streams,
                            new Mismatch(
                                    event.getGlobalIndex(),
                                    event.getEventIdentifier(),
                                    stream,
                                    event.getSequenceNumber(),
                                    event.getPayloadType(),
                                    reason,
                                    hex(event.getEventHash()),
                                    hex(recomputed)),
                            streamId == null ? checkpoints.checkLatest().orElse(null) : null);
                }
                previous = event.getEventHash();
                expectedSequence = event.getSequenceNumber() + 1;
            }
        }
        CheckpointCheck latest = streamId == null ? checkpoints.checkLatest().orElse(null) : null;
        return new Result(latest == null || latest.ok(), events, streams, null, latest);
    }

    /** SHA-256 of the canonical form. */
    static byte[] hash(byte[] previous, DomainEventEntryRecord e) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical(previous, e));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The bytes an event's hash is taken over (see the class comment): the previous hash of its stream (32 raw
     * bytes, none for the first event), the UTF-8 header lines, the payload, a newline and the metadata.
     */
    static byte[] canonical(byte[] previous, DomainEventEntryRecord e) {
        var bytes = new ByteArrayOutputStream();
        if (previous != null) {
            bytes.writeBytes(previous);
        }
        String head = String.join(
                        "\n",
                        e.getEventIdentifier(),
                        e.getAggregateIdentifier(),
                        String.valueOf(e.getSequenceNumber()),
                        e.getPayloadType(),
                        e.getPayloadRevision() == null ? "" : e.getPayloadRevision(),
                        e.getTimeStamp())
                + "\n";
        bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(e.getPayload());
        bytes.write('\n');
        if (e.getMetaData() != null) {
            bytes.writeBytes(e.getMetaData());
        }
        return bytes.toByteArray();
    }

    /** The canonical bytes of one stored event, with the previous hash it was chained to; empty if there is none. */
    Optional<byte[]> canonicalOf(String streamId, long sequence) {
        return db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(
                        DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(streamId),
                        DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(sequence))
                .fetchOptional()
                .map(e -> canonical(e.getPreviousHash(), e));
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}

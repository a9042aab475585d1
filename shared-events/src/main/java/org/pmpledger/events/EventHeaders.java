package org.pmpledger.events;

import java.util.UUID;

/**
 * The headers of a record on the plan-events topic, as the command side writes them and the query side reads them:
 * CloudEvents 1.0 in Kafka binary mode (attributes as {@code ce_*} headers, {@link #CONTENT_TYPE} for the data's
 * media type, the event's JSON as the value), with the ledger's own extension attributes (lower-case letters only, as
 * the specification asks). Every record is a CloudEvent: an event of the ledger, or a watermark of type
 * {@link #WATERMARK_TYPE} whose data is {@code {"position": …, "committedBefore": …}} and which carries
 * {@link #POSITION} and, from a heartbeat, {@link #COMMITTED_BEFORE} as headers too. The AsyncAPI document of the
 * topic (served by the command service at {@code /asyncapi.json}) names every type and its JSON Schema.
 */
public final class EventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    /** The event's type name ({@link PmpEventTypes#typeName}), or {@link #WATERMARK_TYPE}. */
    public static final String TYPE = "ce_type";

    public static final String SOURCE = "ce_source";
    /** The event's stream: its plan's or cycle's id (also the record's key). */
    public static final String SUBJECT = "ce_subject";

    public static final String TIME = "ce_time";
    /** The data's media type, {@code datacontenttype}: in Kafka binary mode, Kafka's own {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";
    /** The revision of the event's schema the value was written in ({@link EventRevision}). */
    public static final String REVISION = "ce_revision";
    /**
     * The event's sequence number in its stream, from 0, zero-padded to {@value #SEQUENCE_DIGITS} digits so that it
     * sorts as text as it does as a number ({@link #sequence}); records written before the padding carry it unpadded.
     */
    public static final String SEQUENCE = "ce_sequence";
    /** The event's global position in the ledger; for a watermark, the position every partition has passed. */
    public static final String POSITION = "ce_position";
    /** On a heartbeat's watermark: every event committed before this instant is at or below its position. */
    public static final String COMMITTED_BEFORE = "ce_committedbefore";
    /**
     * {@link #COMMITTED_BEFORE} under its earlier name: written beside it, so query instances of the earlier version
     * read it during a rolling deploy, and read on watermarks written by an earlier publisher.
     */
    public static final String LEGACY_COMMITTED_BEFORE = "pmp_committed_before";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    public static final String WATERMARK_TYPE = "pmp.watermark";

    /** Digits of a {@link #SEQUENCE}: as many as the largest sequence number has. */
    public static final int SEQUENCE_DIGITS = 19;

    private EventHeaders() {}

    /** A stream sequence number as {@link #SEQUENCE} carries it. */
    public static String sequence(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a stream sequence number is 0 or more, not " + sequence);
        }
        return String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }

    /** A watermark's {@link #ID}: unique per record, as CloudEvents asks of source and id together. */
    public static String watermarkId() {
        return "watermark-" + UUID.randomUUID();
    }
}

package org.pmpledger.events;

/**
 * The headers of a record on the plan-events topic, as the command side writes them and the query side reads them:
 * CloudEvents' Kafka binary mode (attributes as {@code ce_*} headers, the event's JSON as the value), with the
 * ledger's own extensions. A watermark record has the type {@link #WATERMARK_TYPE}, an empty value, and only
 * {@link #TYPE}, {@link #SOURCE}, {@link #POSITION} and, from a heartbeat, {@link #COMMITTED_BEFORE}.
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
    public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";
    /** The revision of the event's schema the value was written in ({@link EventRevision}). */
    public static final String REVISION = "ce_revision";
    /** The event's sequence number in its stream, from 0. */
    public static final String SEQUENCE = "ce_sequence";
    /** The event's global position in the ledger; for a watermark, the position every partition has passed. */
    public static final String POSITION = "ce_position";
    /** On a heartbeat's watermark: every event committed before this instant is at or below its position. */
    public static final String COMMITTED_BEFORE = "pmp_committed_before";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String WATERMARK_TYPE = "pmp.watermark";

    private EventHeaders() {}
}

package org.pmpledger.query.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.EventHeaders;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.upcasting.EventUpcasts;

/**
 * One event as the publisher put it on the topic: the CloudEvents headers and the decoded payload.
 *
 * @param event           empty for a type this version does not know (a newer publisher) and for watermarks
 * @param sequence        the event's place in its stream (0 = first); -1 for a watermark
 * @param position        its global position in the event store; for a watermark: published through it
 * @param committedBefore a heartbeat watermark's instant: every event committed before it is at or below the position
 */
public record PublishedEvent(
        String streamId, String type, long sequence, long position, Optional<PmpEvent> event, Instant committedBefore) {

    /** The publisher's "published through this position" record, sent to every partition after each batch. */
    public boolean watermark() {
        return EventHeaders.WATERMARK_TYPE.equals(type);
    }

    public static PublishedEvent decode(ConsumerRecord<String, byte[]> record, JsonMapper json) {
        String type = header(record, EventHeaders.TYPE);
        long position = Long.parseLong(header(record, EventHeaders.POSITION));
        if (EventHeaders.WATERMARK_TYPE.equals(type)) {
            Header committed = record.headers().lastHeader(EventHeaders.COMMITTED_BEFORE);
            if (committed == null) {
                committed = record.headers().lastHeader(EventHeaders.LEGACY_COMMITTED_BEFORE);
            }
            return new PublishedEvent(
                    null,
                    type,
                    -1,
                    position,
                    Optional.empty(),
                    committed == null ? null : Instant.parse(new String(committed.value(), StandardCharsets.UTF_8)));
        }
        long sequence = Long.parseLong(header(record, EventHeaders.SEQUENCE));
        Header revisionHeader = record.headers().lastHeader(EventHeaders.REVISION);
        int revision = revisionHeader == null
                ? 1
                : Integer.parseInt(new String(revisionHeader.value(), StandardCharsets.UTF_8));
        // an older revision still on the topic (it keeps events forever) is upcast to today's record
        Optional<PmpEvent> event = PmpEventTypes.byName(type)
                .<PmpEvent>map(eventType -> EventUpcasts.read(json, eventType, revision, record.value()));
        return new PublishedEvent(record.key(), type, sequence, position, event, null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}

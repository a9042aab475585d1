package org.pmpledger.query.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.pmpledger.web.TraceParents;

/**
 * The request's trace into the projections: for every live record applied that carries a
 * {@value TraceParents#TRACEPARENT}, an apply span (child of the record's publish span) from the batch's start to its
 * commit, and one log line inside it, so the line carries the trace id. Written after the commit: what it says was
 * applied is in the read model. Only records stored within {@code pmp.intake.trail-max-age} (5 minutes) leave a trail:
 * a new consumer group or a reset offset reads the whole topic again without a line and a span per old record.
 * Records without trace context (stored before tracing, a rebuild's) leave none either.
 */
@Component
class AppliedTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AppliedTrail.class);

    private final TraceParents traces;
    private final Duration maxAge;
    /** A record's age is the wall clock's: it is compared with the instant the event was stored. */
    private final Clock wall = Clock.systemUTC();

    AppliedTrail(TraceParents traces, @Value("${pmp.intake.trail-max-age:PT5M}") Duration maxAge) {
        this.traces = traces;
        this.maxAge = maxAge;
    }

    void applied(List<PublishedRecord> records, Instant batchStarted) {
        long oldest = wall.millis() - maxAge.toMillis();
        for (PublishedRecord applied : records) {
            ConsumerRecord<String, byte[]> record = applied.record();
            if (record.headers().lastHeader(TraceParents.TRACEPARENT) == null || record.timestamp() < oldest) {
                continue;
            }
            Span span = traces.start(
                    "apply " + applied.event().type(), Span.Kind.CONSUMER, name -> header(record, name), batchStarted);
            try (Tracer.SpanInScope scope = traces.inScope(span)) {
                span.tag("messaging.system", "kafka")
                        .tag("messaging.destination.name", record.topic())
                        .tag("messaging.kafka.partition", String.valueOf(record.partition()))
                        .tag("messaging.kafka.offset", String.valueOf(record.offset()));
                LOG.info(
                        "applied {} of stream {} #{} at position {} (partition {} offset {})",
                        applied.event().type(),
                        applied.event().streamId(),
                        applied.event().sequence(),
                        applied.event().position(),
                        record.partition(),
                        record.offset());
            } finally {
                span.end();
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record applied, with what it was read as. */
    record PublishedRecord(ConsumerRecord<String, byte[]> record, PublishedEvent event) {}
}

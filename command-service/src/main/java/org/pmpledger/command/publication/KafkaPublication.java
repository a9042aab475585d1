package org.pmpledger.command.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.events.EventHeaders;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.web.TraceParents;

/**
 * Publishes every stored event, in global order, to the plan-events topic: keyed by plan (or cycle)
 * id so each stream keeps its order. The event store is the outbox: this handler runs in an Axon
 * tracking processor ({@value #PROCESSING_GROUP}) whose token advances only when the broker has
 * acknowledged the whole batch, so a Kafka outage delays publication and never loses an event.
 * Sends within a batch are asynchronous; the batch waits once, before its token is stored. A batch ends within the
 * acknowledgement timeout, sends included, or is given up and published again: shorter than the token's claim, so
 * exactly one instance publishes a batch.
 * <p>After each batch a watermark ({@link Watermarks}) goes to every partition: "published through the batch's highest
 * position", true because events commit in position order (migration V6).
 */
@Component
@ProcessingGroup(KafkaPublication.PROCESSING_GROUP)
class KafkaPublication {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String BATCH = KafkaPublication.class.getName() + ".batch";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer serializer;
    private final PublicationSettings settings;
    private final Watermarks watermarks;
    private final TraceParents traces;

    KafkaPublication(
            KafkaTemplate<String, byte[]> kafka,
            @Qualifier("eventSerializer") Serializer serializer,
            PublicationSettings settings,
            Watermarks watermarks,
            TraceParents traces) {
        this.kafka = kafka;
        this.traces = traces;
        this.serializer = serializer;
        this.settings = settings;
        this.watermarks = watermarks;
    }

    /**
     * Publishes the stored bytes as they are (after upcasting): the payload is never deserialized here, its type and
     * stream come from the stored entry.
     */
    @EventHandler
    void publish(EventMessage<?> event, TrackingToken token) {
        Class<?> type = event.getPayloadType();
        if (!PmpEvent.class.isAssignableFrom(type) || !(event instanceof DomainEventMessage<?> stored)) {
            return;
        }
        String streamId = stored.getAggregateIdentifier();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                settings.topic(),
                null,
                event.getTimestamp().toEpochMilli(),
                streamId,
                event.serializePayload(serializer, byte[].class).getData());
        Headers headers = record.headers();
        header(headers, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0);
        header(headers, EventHeaders.ID, event.getIdentifier());
        header(headers, EventHeaders.TYPE, PmpEventTypes.typeName(type));
        header(headers, EventHeaders.SOURCE, settings.source());
        header(headers, EventHeaders.SUBJECT, streamId);
        header(headers, EventHeaders.TIME, event.getTimestamp().toString());
        header(headers, EventHeaders.CONTENT_TYPE, EventHeaders.JSON);
        header(headers, EventHeaders.REVISION, String.valueOf(PmpEventTypes.revisionOf(type)));
        header(headers, EventHeaders.SEQUENCE, EventHeaders.sequence(stored.getSequenceNumber()));
        Batch batch = currentBatch();
        if (System.nanoTime() > batch.deadline) {
            throw new IllegalStateException(
                    "the publisher batch ran past its acknowledgement timeout; it is sent again");
        }
        token.position().ifPresent(position -> {
            header(headers, EventHeaders.POSITION, String.valueOf(position));
            batch.lastPosition = Math.max(batch.lastPosition, position);
        });
        Span publishing = traceOnto(headers, event, type);
        CompletableFuture<SendResult<String, byte[]>> send = kafka.send(record);
        if (publishing != null) {
            send.whenComplete((sent, failed) -> {
                if (failed != null) {
                    publishing.error(failed);
                }
                publishing.end();
            });
        }
        batch.sends.add(send);
    }

    /** The sends of one processor batch and the highest position among them. */
    private static final class Batch {
        final List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        final long deadline;
        long lastPosition = -1;

        Batch(Duration bound) {
            deadline = System.nanoTime() + bound.toNanos();
        }

        Duration left() {
            return Duration.ofNanos(deadline - System.nanoTime());
        }
    }

    /** The current batch; it commits (and its token advances) only when all its sends are acknowledged. */
    private Batch currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(settings.acknowledgementTimeout());
            unitOfWork.root().onPrepareCommit(u -> {
                if (batch.lastPosition >= 0) {
                    batch.sends.addAll(watermarks.send(batch.lastPosition, null));
                }
                watermarks.await(batch.sends, batch.left());
            });
            return batch;
        });
    }

    /**
     * The request's trace continues on the record: a publish span, child of the trace context the event was stored
     * with, named in the record's {@value TraceParents#TRACEPARENT} header and ended when the broker answers the send.
     * An event stored without one (before tracing, or not from a request) starts no trace.
     *
     * @return the started span, or null
     */
    private Span traceOnto(Headers headers, EventMessage<?> event, Class<?> type) {
        Object stored = event.getMetaData().get(CommandContext.TRACE_PARENT);
        if (stored == null) {
            return null;
        }
        String traceParent = stored.toString();
        Span span = traces.start(
                "publish " + PmpEventTypes.typeName(type),
                Span.Kind.PRODUCER,
                name -> TraceParents.TRACEPARENT.equals(name) ? traceParent : null,
                null);
        span.tag("messaging.system", "kafka").tag("messaging.destination.name", settings.topic());
        traces.of(span).ifPresent(context -> header(headers, TraceParents.TRACEPARENT, context));
        return span;
    }

    private static void header(Headers headers, String name, String value) {
        Watermarks.header(headers, name, value);
    }
}

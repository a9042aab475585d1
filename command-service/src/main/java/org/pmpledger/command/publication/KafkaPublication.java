package org.pmpledger.command.publication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event, in global order, to the plan-events topic: keyed by plan (or cycle)
 * id so each stream keeps its order. The event store is the outbox: this handler runs in an Axon
 * tracking processor ({@value #PROCESSING_GROUP}) whose token advances only when the broker has
 * acknowledged the whole batch, so a Kafka outage delays publication and never loses an event.
 * Sends within a batch are asynchronous; the batch waits once, before its token is stored.
 */
@Component
@ProcessingGroup(KafkaPublication.PROCESSING_GROUP)
class KafkaPublication {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String SENDS = KafkaPublication.class.getName() + ".sends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer serializer;
    private final PublicationSettings settings;

    KafkaPublication(KafkaTemplate<String, byte[]> kafka, @Qualifier("eventSerializer") Serializer serializer,
                     PublicationSettings settings) {
        this.kafka = kafka;
        this.serializer = serializer;
        this.settings = settings;
    }

    @EventHandler
    void publish(EventMessage<?> event, TrackingToken token) {
        if (!(event.getPayload() instanceof PmpEvent payload)) {
            return;
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), null,
                event.getTimestamp().toEpochMilli(), payload.streamId(),
                event.serializePayload(serializer, byte[].class).getData());
        Headers headers = record.headers();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.getIdentifier());
        header(headers, "ce_type", PmpEventTypes.typeName(payload.getClass()));
        header(headers, "ce_source", settings.source());
        header(headers, "ce_subject", payload.streamId());
        header(headers, "ce_time", event.getTimestamp().toString());
        header(headers, "ce_datacontenttype", "application/json");
        header(headers, "ce_revision", String.valueOf(PmpEventTypes.revisionOf(payload.getClass())));
        if (event instanceof DomainEventMessage<?> domainEvent) {
            header(headers, "ce_sequence", String.valueOf(domainEvent.getSequenceNumber()));
        }
        token.position().ifPresent(position -> header(headers, "ce_position", String.valueOf(position)));
        sendsOfThisBatch().add(kafka.send(record));
    }

    /** The sends of the current batch; the batch commits (and its token advances) only when all are acknowledged. */
    private List<CompletableFuture<SendResult<String, byte[]>>> sendsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        return batch.root().getOrComputeResource(SENDS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            batch.root().onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be published again", e);
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

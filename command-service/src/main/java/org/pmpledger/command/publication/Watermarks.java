package org.pmpledger.command.publication;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import org.pmpledger.events.EventHeaders;

/**
 * "Published through this position" ({@value EventHeaders#WATERMARK_TYPE}, no key, a CloudEvent of its own type with
 * header {@value EventHeaders#POSITION} and the same as its JSON data) on every partition of the
 * topic, so a reader's position, the minimum over partitions of what it applied, moves on every partition. True because
 * events commit in position order (migration V6). With {@value EventHeaders#COMMITTED_BEFORE} it also says that every event
 * committed before that instant is at or below the position: a position beyond it was not the ledger's then.
 */
@Component
class Watermarks {

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublicationSettings settings;
    /** A watermark's time is the wall clock's: when the record is written. */
    private final Clock wall = Clock.systemUTC();

    Watermarks(KafkaTemplate<String, byte[]> kafka, PublicationSettings settings) {
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Sends the watermark to every partition; answers the sends, to be awaited. */
    List<CompletableFuture<SendResult<String, byte[]>>> send(long through, Instant committedBefore) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        int partitions = kafka.partitionsFor(settings.topic()).size();
        byte[] data = data(through, committedBefore);
        String time = wall.instant().toString();
        for (int partition = 0; partition < partitions; partition++) {
            ProducerRecord<String, byte[]> watermark = new ProducerRecord<>(settings.topic(), partition, null, data);
            Headers headers = watermark.headers();
            header(headers, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0);
            header(headers, EventHeaders.ID, EventHeaders.watermarkId());
            header(headers, EventHeaders.TYPE, EventHeaders.WATERMARK_TYPE);
            header(headers, EventHeaders.SOURCE, settings.source());
            header(headers, EventHeaders.TIME, time);
            header(headers, EventHeaders.CONTENT_TYPE, EventHeaders.JSON);
            header(headers, EventHeaders.POSITION, String.valueOf(through));
            if (committedBefore != null) {
                header(headers, EventHeaders.COMMITTED_BEFORE, committedBefore.toString());
                header(headers, EventHeaders.LEGACY_COMMITTED_BEFORE, committedBefore.toString());
            }
            sends.add(kafka.send(watermark));
        }
        return sends;
    }

    /** The watermark's data: what its headers say, for a reader that takes the CloudEvent's data only. */
    static byte[] data(long through, Instant committedBefore) {
        String json = committedBefore == null
                ? "{\"position\":" + through + "}"
                : "{\"position\":" + through + ",\"committedBefore\":\"" + committedBefore + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Waits, bounded by the acknowledgement timeout, until the broker has acknowledged every send. */
    void await(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        await(sends, settings.acknowledgementTimeout());
    }

    /** Waits at most {@code bound} until the broker has acknowledged every send. */
    void await(List<CompletableFuture<SendResult<String, byte[]>>> sends, Duration bound) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, bound.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the sends; they will be sent again", e);
        }
    }

    static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

package org.pmpledger.command.publication;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * While the publisher has published everything stored, a watermark every {@code pmp.publication.heartbeat} (default
 * 1 s) says "every event committed before T is published, through position H". Readers learn that the pipeline is
 * alive, and that a position beyond H was not the ledger's at T, so a read waiting for one is answered at once. Only
 * the instance whose publisher holds the token sends it.
 */
@Component
class PublicationHeartbeat {

    /** The instant that counts is the wall clock's: the query side compares it with its own. */
    private final Clock wall = Clock.systemUTC();

    private final DSLContext db;
    private final EventProcessingConfiguration processors;
    private final Watermarks watermarks;

    PublicationHeartbeat(DSLContext db, EventProcessingConfiguration processors, Watermarks watermarks) {
        this.db = db;
        this.processors = processors;
        this.watermarks = watermarks;
    }

    @Scheduled(
            fixedDelayString = "${pmp.publication.heartbeat:PT1S}",
            initialDelayString = "${pmp.publication.heartbeat:PT1S}")
    void beat() {
        Instant before = wall.instant();
        Long head = db.select(DSL.max(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX))
                .from(DOMAIN_EVENT_ENTRY)
                .fetchOne(0, Long.class);
        TrackingEventProcessor publisher = processors
                .eventProcessor(KafkaPublication.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElse(null);
        if (head == null || publisher == null) {
            return;
        }
        Map<Integer, EventTrackerStatus> segments = publisher.processingStatus();
        boolean published = !segments.isEmpty()
                && segments.values().stream()
                        .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
        if (published) {
            watermarks.await(watermarks.send(head, before));
        }
    }
}

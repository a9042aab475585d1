package org.pmpledger.command.publication;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far publication to Kafka is behind the event store, as gauges: {@code pmp.publication.lag.events} (events stored
 * and not yet published) and {@code pmp.publication.lag.seconds} (how long the oldest of them has waited). Only the
 * instance whose publisher holds the token knows its position: it reports {@code pmp.publication.publishing} 1 and the
 * lag, the others 0 and no lag (NaN), so {@code max} over instances is the lag and {@code sum} of the first is 1 while
 * some instance publishes. A measurement that fails (the database away) reports no lag rather than an old one.
 */
@Component
class PublicationLag {

    /** The wait that counts is the wall clock's: an event's instant is when it was stored. */
    private final Clock wall = Clock.systemUTC();

    private final DSLContext db;
    private final EventProcessingConfiguration processors;
    private volatile double events = Double.NaN;
    private volatile double seconds = Double.NaN;
    private volatile double publishing;

    PublicationLag(DSLContext db, EventProcessingConfiguration processors, MeterRegistry meters) {
        this.db = db;
        this.processors = processors;
        Gauge.builder("pmp.publication.lag.events", this, lag -> lag.events)
                .description("Events stored and not yet published to Kafka (the publishing instance only)")
                .register(meters);
        Gauge.builder("pmp.publication.lag.seconds", this, lag -> lag.seconds)
                .description("How long the oldest event not yet published has waited (the publishing instance only)")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("pmp.publication.publishing", this, lag -> lag.publishing)
                .description("1 on the instance whose publisher holds the token, 0 elsewhere")
                .register(meters);
    }

    /** Measures into locals and publishes them at once: a scrape meanwhile sees the last measurement, never a gap. */
    @Scheduled(fixedDelayString = "${pmp.publication.lag-interval:PT5S}")
    void measure() {
        double lagEvents = Double.NaN;
        double lagSeconds = Double.NaN;
        try {
            OptionalLong published = publishedThrough();
            publishing = published.isPresent() ? 1 : 0;
            if (published.isEmpty()) {
                return;
            }
            var oldest = db.select(DOMAIN_EVENT_ENTRY.TIME_STAMP)
                    .from(DOMAIN_EVENT_ENTRY)
                    .where(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX.gt(published.getAsLong()))
                    .orderBy(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX)
                    .limit(1)
                    .fetchOne(DOMAIN_EVENT_ENTRY.TIME_STAMP);
            Long head = db.select(DSL.max(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX))
                    .from(DOMAIN_EVENT_ENTRY)
                    .fetchOne(0, Long.class);
            lagEvents = head == null ? 0 : Math.max(0, head - published.getAsLong());
            lagSeconds = oldest == null
                    ? 0
                    : Math.max(
                            0,
                            Duration.between(Instant.parse(oldest), wall.instant())
                                            .toMillis()
                                    / 1000.0);
        } finally {
            events = lagEvents;
            seconds = lagSeconds;
        }
    }

    /** The position the publisher has published through, if this instance holds its token. */
    private OptionalLong publishedThrough() {
        return processors
                .eventProcessor(KafkaPublication.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(TrackingEventProcessor::processingStatus)
                .filter(segments -> !segments.isEmpty())
                .map(segments -> segments.values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(position -> position.orElse(-1))
                        .min())
                .orElse(OptionalLong.empty());
    }
}

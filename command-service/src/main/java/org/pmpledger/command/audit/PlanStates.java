package org.pmpledger.command.audit;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.jooq.tables.records.DomainEventEntryRecord;
import org.pmpledger.document.PlanDocument;
import org.pmpledger.document.PlanReplay;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.upcasting.EventUpcasts;
import org.pmpledger.web.BoundedTime;

/**
 * A plan as the system knew it at an instant or a version: its events from the event store, as recorded,
 * upcast to today's records and folded by {@link PlanReplay} into the query side's plan document shape.
 * "Knew at an instant" means recorded (the event store's own time stamp) at or before it.
 */
@Component
class PlanStates {

    private static final Map<String, Class<? extends PmpEvent>> CLASS_OF_STORED_TYPE =
            PmpEventTypes.all().values().stream().collect(Collectors.toUnmodifiableMap(Class::getName, type -> type));

    /** Where in a plan's history: up to and including a version, or everything recorded at or before an instant. */
    record Point(Long version, Instant asOf) {

        static Point version(long version) {
            return new Point(version, null);
        }

        static Point asOf(Instant instant) {
            return new Point(null, instant);
        }

        /** A version number ({@code 7}) or an ISO-8601 instant ({@code 2026-11-23T10:15:30Z}); empty when neither. */
        static Optional<Point> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            if (text.matches("[0-9]{1,18}")) {
                long version = Long.parseLong(text);
                return version < 1 ? Optional.empty() : Optional.of(version(version));
            }
            try {
                return Optional.of(asOf(BoundedTime.instant(text)));
            } catch (DateTimeException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        boolean includes(DomainEventEntryRecord event) {
            return version != null
                    ? event.getSequenceNumber() < version
                    : !Instant.parse(event.getTimeStamp()).isAfter(asOf);
        }
    }

    /** The document at a point, with the recording instant of the last event it includes. */
    record State(PlanDocument document, Instant recordedAt) {}

    private final DSLContext db;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    PlanStates(DSLContext db, JsonMapper json, TransactionTemplate transaction) {
        this.db = db;
        this.json = json;
        this.transaction = transaction;
    }

    /** Empty when the plan does not exist, did not yet at that instant, or never reached that version. */
    Optional<State> at(String planId, Point point) {
        return transaction.execute(tx -> {
            PlanReplay replay = null;
            Instant recordedAt = null;
            try (Cursor<DomainEventEntryRecord> cursor = db.selectFrom(DOMAIN_EVENT_ENTRY)
                    .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(planId))
                    .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                    .fetchSize(500)
                    .fetchLazy()) {
                for (DomainEventEntryRecord stored : cursor) {
                    if (!point.includes(stored)) {
                        break;
                    }
                    PlanEvent event = (PlanEvent) decode(stored);
                    if (replay == null) {
                        replay = new PlanReplay(titlesOfCycle(event.ffy()));
                    }
                    replay.apply(event, stored.getSequenceNumber(), stored.getGlobalIndex());
                    recordedAt = Instant.parse(stored.getTimeStamp());
                }
            }
            Instant lastRecorded = recordedAt;
            return replay == null
                    ? Optional.<State>empty()
                    : replay.document()
                            .filter(document ->
                                    point.version() == null || document.version() == point.version()) // never that long
                            .map(document -> new State(document, lastRecorded));
        });
    }

    private PlanReplay.CycleTitles titlesOfCycle(int ffy) {
        DomainEventEntryRecord opening = db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(
                        DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(CycleEvent.cycleIdOf(ffy)),
                        DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(0L))
                .fetchOne();
        return opening != null && decode(opening) instanceof PlanningCycleOpened opened
                ? PlanReplay.CycleTitles.of(opened)
                : PlanReplay.CycleTitles.UNKNOWN;
    }

    /** The stored payload as today's record, upcast from the revision it was stored in. */
    private PmpEvent decode(DomainEventEntryRecord stored) {
        Class<? extends PmpEvent> type = CLASS_OF_STORED_TYPE.get(stored.getPayloadType());
        if (type == null) {
            throw new IllegalStateException(
                    "event " + stored.getEventIdentifier() + " has an unknown type " + stored.getPayloadType());
        }
        int revision = stored.getPayloadRevision() == null ? 1 : Integer.parseInt(stored.getPayloadRevision());
        return EventUpcasts.read(json, type, revision, stored.getPayload());
    }
}

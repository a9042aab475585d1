package org.pmpledger.command.audit;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.jooq.tables.records.DomainEventEntryRecord;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.web.Caller;

/**
 * A plan's history read from the event store itself: every event in order with who (subject, roles,
 * agency, region), which app, the idempotency key, correlation and trace ids, the recording instant,
 * the business time (FFY, quarter), the type and revision, the payload as stored, and its chain hashes.
 */
@Component
class PlanHistory {

    /** Stored payload type (a Java class name) → published type name ({@code pmp.plan.PlanSubmitted}). */
    private static final Map<String, String> TYPE_OF_CLASS = PmpEventTypes.all().entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(t -> t.getValue().getName(), Map.Entry::getKey));

    private final DSLContext db;
    private final JsonMapper json;
    private final AuditStreams streams;

    PlanHistory(DSLContext db, JsonMapper json, AuditStreams streams) {
        this.db = db;
        this.json = json;
        this.streams = streams;
    }

    long count(String planId) {
        return db.fetchCount(DOMAIN_EVENT_ENTRY, DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(planId));
    }

    List<Map<String, Object>> page(String planId, int page, int size) {
        return db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(planId))
                .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                .limit(size)
                .offset((long) page * size)
                .fetch(this::entry);
    }

    /**
     * Writes every event as one JSON line, reading with a database cursor on a connection of the audit streams' own
     * pool: memory stays bounded, and a slow reader holds no connection commands need.
     */
    void stream(String planId, OutputStream out) {
        streams.read(db -> {
            try (Cursor<DomainEventEntryRecord> cursor = db.selectFrom(DOMAIN_EVENT_ENTRY)
                    .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(planId))
                    .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                    .fetchSize(500)
                    .fetchLazy()) {
                for (DomainEventEntryRecord event : cursor) {
                    out.write(json.writeValueAsBytes(entry(event)));
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A filter of the whole log; null fields do not filter. Times are ISO-8601 instants (UTC). */
    record LogFilter(String actor, String agency, String type, Instant from, Instant to) {

        boolean matches(Map<String, Object> entry) {
            @SuppressWarnings("unchecked")
            Map<String, Object> who = (Map<String, Object>) entry.get("who");
            JsonNode payload = (JsonNode) entry.get("payload");
            Instant at = Instant.parse((String) entry.get("recordedAt"));
            return (actor == null || actor.equals(who.get("subject")))
                    && (agency == null
                            || agency.equals(who.get("lcsa"))
                            || agency.equals(payload.path("lcsa").asString(null)))
                    && (type == null || type.equals(entry.get("type")))
                    && (from == null || !at.isBefore(from))
                    && (to == null || at.isBefore(to));
        }
    }

    /**
     * Calls {@code each} with every event of the log matching the filter, in global order, through a cursor on a
     * connection of the audit streams' own pool.
     */
    void search(LogFilter filter, long limit, Consumer<Map<String, Object>> each) {
        streams.read(db -> {
            var condition = DSL.noCondition();
            if (filter.type() != null) {
                String javaType =
                        PmpEventTypes.byName(filter.type()).map(Class::getName).orElse(filter.type());
                condition = condition.and(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE.eq(javaType));
            }
            long found = 0;
            try (Cursor<DomainEventEntryRecord> cursor = db.selectFrom(DOMAIN_EVENT_ENTRY)
                    .where(condition)
                    .orderBy(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX)
                    .fetchSize(500)
                    .fetchLazy()) {
                for (DomainEventEntryRecord event : cursor) {
                    Map<String, Object> entry = entry(event);
                    if (filter.matches(entry)) {
                        each.accept(entry);
                        if (++found >= limit) {
                            return;
                        }
                    }
                }
            }
        });
    }

    private Map<String, Object> entry(DomainEventEntryRecord e) {
        JsonNode payload = json.readTree(e.getPayload());
        JsonNode meta = e.getMetaData() == null ? json.createObjectNode() : json.readTree(e.getMetaData());
        String type = TYPE_OF_CLASS.getOrDefault(e.getPayloadType(), e.getPayloadType());
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("subject", text(meta, Caller.SUBJECT));
        who.put("roles", meta.path(Caller.ROLES));
        who.put("lcsa", text(meta, Caller.LCSA));
        who.put("region", text(meta, Caller.REGION));
        Map<String, Object> business = new LinkedHashMap<>();
        business.put(
                "ffy",
                payload.path("ffy").isMissingNode() ? null : payload.path("ffy").asInt());
        business.put("quarter", text(payload, "quarter"));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("streamId", e.getAggregateIdentifier());
        entry.put("sequence", e.getSequenceNumber());
        entry.put("version", e.getSequenceNumber() + 1);
        entry.put("globalIndex", e.getGlobalIndex());
        entry.put("eventId", e.getEventIdentifier());
        entry.put("type", type);
        entry.put("revision", e.getPayloadRevision());
        entry.put("recordedAt", e.getTimeStamp());
        entry.put("businessTime", business);
        entry.put("who", who);
        entry.put("clientId", text(meta, "clientId"));
        entry.put("idempotencyKey", text(meta, "idempotencyKey"));
        entry.put("correlationId", text(meta, "correlationId"));
        entry.put("traceId", text(meta, "traceId"));
        entry.put("payload", payload);
        entry.put("eventHash", ChainVerification.hex(e.getEventHash()));
        entry.put("previousHash", ChainVerification.hex(e.getPreviousHash()));
        return entry;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}

package org.pmpledger.command.dispatch;

import static org.pmpledger.command.jooq.Tables.IDEMPOTENCY_RECORD;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.jooq.tables.records.IdempotencyRecordRecord;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;

/**
 * {@code Idempotency-Key} → the first answer, kept per caller (JWT subject) in the command's own transaction: the same
 * key with the same request answers the first answer again and stores nothing; with another request it is refused.
 */
@Component
class IdempotencyRecords {

    /** A first answer as it was given: whether it created something, where, and its body. */
    record FirstAnswer<T>(boolean created, String location, T accepted) {}

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyRecords(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** The hash a repeated request is compared by: method, path and body. */
    String hash(String method, String path, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first answer to the request's key, if it has one; refused when the key was used for another request. */
    <T> Optional<FirstAnswer<T>> firstAnswer(RequestContext request, Class<T> answerType) {
        if (request.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        String key = request.idempotencyKey().get();
        IdempotencyRecordRecord first = db.selectFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.SUBJECT.eq(request.caller().subject()))
                .and(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .fetchOne();
        if (first == null) {
            return Optional.empty();
        }
        if (!first.getRequestHash().equals(request.requestHash())) {
            throw CommandRefused.rule(
                    "idempotency-key-reused",
                    "Idempotency-Key " + key + " was used for another request; use a new key for a new request.",
                    new FieldProblem("Idempotency-Key", "was already used with a different request"));
        }
        return Optional.of(new FirstAnswer<>(
                first.getHttpStatus() == 201,
                first.getLocation(),
                json.readValue(first.getResponseBody(), answerType)));
    }

    /** Keeps the request's answer under its key, in the current transaction (nothing without a key). */
    void remember(RequestContext request, boolean created, String location, Object accepted) {
        request.idempotencyKey()
                .ifPresent(key -> db.insertInto(IDEMPOTENCY_RECORD)
                        .set(IDEMPOTENCY_RECORD.SUBJECT, request.caller().subject())
                        .set(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY, key)
                        .set(IDEMPOTENCY_RECORD.REQUEST_HASH, request.requestHash())
                        .set(IDEMPOTENCY_RECORD.HTTP_STATUS, created ? 201 : 200)
                        .set(IDEMPOTENCY_RECORD.LOCATION, location)
                        .set(IDEMPOTENCY_RECORD.RESPONSE_BODY, json.writeValueAsString(accepted))
                        .set(IDEMPOTENCY_RECORD.RECORDED_AT, OffsetDateTime.now(clock))
                        .execute());
    }
}

package org.pmpledger.command.dispatch;

import static org.pmpledger.command.jooq.Tables.IDEMPOTENCY_RECORD;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.pmpledger.command.dispatch.StreamHeads.Head;
import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.command.jooq.tables.records.IdempotencyRecordRecord;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.web.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an HTTP request's command through Axon in one database transaction that also holds the
 * idempotency record and any set-based guard, and answers {@code {id, version, position}}.
 * <ul>
 *   <li>{@code Idempotency-Key}: the same key and body answer the first answer again and store
 *       nothing; the same key with another body is refused (422).</li>
 *   <li>{@code If-Match}: the plan version the client saw, checked by the aggregate under its lock.</li>
 *   <li>The caller (JWT), the idempotency key and the request's correlation id travel as command
 *       metadata onto every event.</li>
 * </ul>
 */
@Component
public class CommandDispatch {

    private static final Pattern VERSION_TAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");
    private static final int MAX_KEY_LENGTH = 100;
    /** Decisions of one request, at most: the first and two more when a stream they relied on moved on meanwhile. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final DSLContext db;
    private final JsonMapper json;
    private final HttpServletRequest request;
    private final Clock clock;
    private final AggregateCache aggregates;
    private final TransactionManager transactionManager;
    private final StreamHeads streamHeads;

    CommandDispatch(CommandGateway commands, PlatformTransactionManager transactions, TransactionManager transactionManager,
                    DSLContext db, JsonMapper json, HttpServletRequest request, Clock clock, AggregateCache aggregates,
                    StreamHeads streamHeads) {
        this.streamHeads = streamHeads;
        this.aggregates = aggregates;
        this.transactionManager = transactionManager;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.db = db;
        this.json = json;
        this.request = request;
        this.clock = clock;
    }

    /** A command that creates a plan or cycle: 201 with its Location. */
    public ResponseEntity<CommandAccepted> create(Object command, String streamId, Object body, URI location) {
        return send(command, streamId, null, body, HttpStatus.CREATED, location);
    }

    /** A command that creates an entry or tactic ({@code newId}) in plan {@code planId}: 201 with its Location. */
    public ResponseEntity<CommandAccepted> createIn(Object command, String planId, String newId, Object body, URI location) {
        return send(command, planId, newId, body, HttpStatus.CREATED, location);
    }

    /** A command on an existing plan or cycle: 200. */
    public ResponseEntity<CommandAccepted> change(Object command, String streamId, Object body) {
        return send(command, streamId, null, body, HttpStatus.OK, null);
    }

    private ResponseEntity<CommandAccepted> send(Object command, String streamId, String newId, Object body,
                                                 HttpStatus status, URI location) {
        return run(body, status, location, CommandAccepted.class, List.of(streamId), metaData -> {
            Object outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            return heads -> accepted(heads, streamId, newId, outcome instanceof String ? null : outcome);
        });
    }

    /**
     * Commands of one request, all or nothing, in one transaction: the first refusal rolls every one back and
     * is answered naming its item ({@code items[i]}); nothing is stored. Every event of the batch is appended in
     * one JDBC batch when the request's unit of work commits; the answer gives each stream's head.
     */
    public ResponseEntity<BatchAccepted> changeAll(List<?> batch, List<String> streamIds, Object body) {
        return run(body, HttpStatus.OK, null, BatchAccepted.class, streamIds, metaData -> {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(batch.get(i)).andMetaData(metaData));
                } catch (CommandRefused refused) {
                    throw refused.ofItem(i);
                } catch (org.axonframework.modelling.command.AggregateNotFoundException unknown) {
                    throw CommandRefused.notFound("not-found", "No plan " + streamIds.get(i) + ".").ofItem(i);
                }
            }
            return heads -> {
                List<CommandAccepted> accepted = streamIds.stream().distinct().map(id -> accepted(heads, id, null, null)).toList();
                long position = accepted.stream().mapToLong(CommandAccepted::position).max().orElse(0);
                return new BatchAccepted(batch.size(), position, accepted);
            };
        });
    }

    /**
     * Runs {@code decide} (the request's commands) with the request's metadata and answers what its returned
     * function makes of the streams' heads once the events are appended, idempotency record included, all in one
     * transaction. When a stream the decisions relied on moved on meanwhile ({@link ReadVersions}), nothing is
     * stored and the request is decided again, up to {@value #ATTEMPTS} times.
     */
    private <T> ResponseEntity<T> run(Object body, HttpStatus status, URI location, Class<T> answerType,
                                      List<String> streamIds, Function<MetaData, Function<Map<String, Head>, T>> decide) {
        Caller caller = Caller.current();
        Optional<String> key = idempotencyKey();
        Long expectedVersion = expectedVersion();
        String traceId = Optional.ofNullable(request.getHeader("X-Correlation-Id")).filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        String requestHash = key.isPresent() ? requestHash(body) : null; // only a repeated request is compared

        Map<String, Object> context = new java.util.HashMap<>(caller.toMap());
        context.put(CommandContext.TRACE_ID, traceId);
        key.ifPresent(k -> context.put(CommandContext.IDEMPOTENCY_KEY, k));
        if (expectedVersion != null) {
            context.put(CommandContext.EXPECTED_VERSION, expectedVersion);
        }
        MetaData metaData = MetaData.from(context);

        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return inOneTransaction(streamIds, () -> {
                        if (key.isPresent()) {
                            Optional<ResponseEntity<T>> first = firstAnswer(caller, key.get(), requestHash, answerType);
                            if (first.isPresent()) {
                                return first::get;
                            }
                        }
                        Function<Map<String, Head>, T> accept = decide.apply(metaData);
                        return () -> {
                            T accepted = accept.apply(headsAfterAppend(streamIds));
                            key.ifPresent(k -> remember(caller, k, requestHash, status, location, accepted));
                            return answer(status, location, accepted, version(accepted), traceId, false);
                        };
                    });
                } catch (ReadVersions.Stale stale) {
                    if (attempt == ATTEMPTS) {
                        throw stale;
                    }
                }
            }
        } catch (DuplicateKeyException raced) {
            // a concurrent request with the same Idempotency-Key committed first: answer what it answered
            if (key.isPresent()) {
                Optional<ResponseEntity<T>> first =
                        transaction.execute(tx -> firstAnswer(caller, key.get(), requestHash, answerType));
                if (first != null && first.isPresent()) {
                    return first.get();
                }
            }
            throw raced;
        }
    }

    /**
     * One Axon unit of work that owns the request's database transaction. The commands' own units nest in it;
     * their events are appended when it commits, then {@code afterAppend} reads in the same transaction, then
     * the transaction commits, and only then are the aggregates unlocked. So a command on the same plan waits
     * until this one's events are committed and visible: its events link to them in the hash chain, and it never
     * builds on events that could still roll back. A stream touched by a transaction that does not commit is
     * dropped from the aggregate cache.
     */
    private <T> T inOneTransaction(List<String> streamIds, Supplier<Supplier<T>> decide) {
        UnitOfWork<?> work = DefaultUnitOfWork.startAndGet(null);
        try {
            work.attachTransaction(transactionManager);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int completion) {
                    if (completion != STATUS_COMMITTED) {
                        streamIds.forEach(aggregates::evict);
                    }
                }
            });
            Supplier<T> afterAppend = decide.get();
            AtomicReference<T> answer = new AtomicReference<>();
            // registered after the commands ran, so it runs after the event bus's own prepare-commit step: the append
            work.onPrepareCommit(u -> answer.set(afterAppend.get()));
            work.commit();
            return answer.get();
        } catch (RuntimeException failed) {
            if (work.isActive()) {
                work.rollback(failed);
            }
            throw failed;
        }
    }

    private static Long version(Object accepted) {
        return accepted instanceof CommandAccepted one ? one.version() : null;
    }

    private <T> Optional<ResponseEntity<T>> firstAnswer(Caller caller, String key, String requestHash, Class<T> answerType) {
        IdempotencyRecordRecord first = db.selectFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.SUBJECT.eq(caller.subject()))
                .and(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.eq(key))
                .fetchOne();
        if (first == null) {
            return Optional.empty();
        }
        if (!first.getRequestHash().equals(requestHash)) {
            throw CommandRefused.rule("idempotency-key-reused",
                    "Idempotency-Key " + key + " was used for another request; use a new key for a new request.",
                    new FieldProblem("Idempotency-Key", "was already used with a different request"));
        }
        T accepted = json.readValue(first.getResponseBody(), answerType);
        URI location = first.getLocation() == null ? null : URI.create(first.getLocation());
        return Optional.of(answer(HttpStatus.valueOf(first.getHttpStatus()), location, accepted, version(accepted), null, true));
    }

    private void remember(Caller caller, String key, String requestHash, HttpStatus status, URI location, Object accepted) {
        db.insertInto(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.SUBJECT, caller.subject())
                .set(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY, key)
                .set(IDEMPOTENCY_RECORD.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_RECORD.HTTP_STATUS, status.value())
                .set(IDEMPOTENCY_RECORD.LOCATION, location == null ? null : location.toString())
                .set(IDEMPOTENCY_RECORD.RESPONSE_BODY, json.writeValueAsString(accepted))
                .set(IDEMPOTENCY_RECORD.RECORDED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    /**
     * One round trip after the append: the heads of the request's streams, and of every stream its decisions relied on
     * ({@link ReadVersions}), each of which must still be at the version read.
     */
    private Map<String, Head> headsAfterAppend(List<String> streamIds) {
        Map<String, ReadVersions.Read> reads = ReadVersions.ofCurrentTransaction();
        Set<String> wanted = new LinkedHashSet<>(streamIds);
        wanted.addAll(reads.keySet());
        Map<String, Head> heads = streamHeads.of(wanted);
        reads.forEach((streamId, read) -> {
            Head now = heads.get(streamId);
            if (now == null || now.sequence() != read.version()) {
                read.onStale().run();
                throw new ReadVersions.Stale(streamId, read.version(), now == null ? null : now.sequence());
            }
        });
        return heads;
    }

    /** The answer for a stream: its version and the global position of its last event, as this transaction sees them. */
    private static CommandAccepted accepted(Map<String, Head> heads, String streamId, String newId, Object outcome) {
        Head head = heads.get(streamId);
        if (head == null) {
            throw new IllegalStateException("the command stored no event for " + streamId);
        }
        return newId == null
                ? new CommandAccepted(streamId, null, head.sequence() + 1, head.position(), outcome)
                : new CommandAccepted(newId, streamId, head.sequence() + 1, head.position(), outcome);
    }

    private static <T> ResponseEntity<T> answer(HttpStatus status, URI location, T accepted, Long version, String traceId,
                                                boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (version != null) {
            answer.eTag("\"" + version + "\"");
        }
        if (location != null) {
            answer.location(location);
        }
        if (traceId != null) {
            answer.header("X-Correlation-Id", traceId);
        }
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(accepted);
    }

    private Optional<String> idempotencyKey() {
        String key = request.getHeader("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw InvalidRequestValue.header("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return Optional.of(key);
    }

    private Long expectedVersion() {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw InvalidRequestValue.header(HttpHeaders.IF_MATCH, "must be a plan version as given in ETag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private String requestHash(Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

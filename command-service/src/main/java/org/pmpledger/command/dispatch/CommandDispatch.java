package org.pmpledger.command.dispatch;

import static org.pmpledger.command.jooq.Tables.IDEMPOTENCY_RECORD;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
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
import org.pmpledger.web.InputLimits;
import org.pmpledger.web.ServiceBusy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final List<RequestThreadContext> threadContexts;
    private final CommandGroups<Request<?>> groups;
    private final boolean grouping;
    private final DistributionSummary groupSizes;
    private final Duration groupWait;

    CommandDispatch(CommandGateway commands, PlatformTransactionManager transactions, TransactionManager transactionManager,
                    DSLContext db, JsonMapper json, HttpServletRequest request, Clock clock, AggregateCache aggregates,
                    StreamHeads streamHeads, List<RequestThreadContext> threadContexts, MeterRegistry meters,
                    @Value("${pmp.commands.group-commit:true}") boolean grouping,
                    @Value("${pmp.commands.group-commit.groups-at-once:1}") int groupsAtOnce,
                    @Value("${pmp.commands.group-commit.max-wait:10s}") Duration groupWait) {
        this.groupWait = groupWait;
        this.groups = new CommandGroups<>(this::decideTogether, groupsAtOnce);
        this.groupSizes = DistributionSummary.builder("pmp.commands.group.size")
                .description("Requests decided and committed in one transaction (group commit)").register(meters);
        this.streamHeads = streamHeads;
        this.threadContexts = List.copyOf(threadContexts);
        this.grouping = grouping;
        this.aggregates = aggregates;
        this.transactionManager = transactionManager;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.db = db;
        this.json = json;
        this.request = request;
        this.clock = clock;
    }

    /**
     * A command that creates a plan or cycle: 201 with its Location. Decided alone: its set-based guard writes in the
     * transaction, and a guard that refuses would fail a group's transaction.
     */
    public ResponseEntity<CommandAccepted> create(Object command, String streamId, Object body, URI location) {
        return send(command, streamId, null, body, HttpStatus.CREATED, location, false);
    }

    /** A command that creates an entry or tactic ({@code newId}) in plan {@code planId}: 201 with its Location. */
    public ResponseEntity<CommandAccepted> createIn(Object command, String planId, String newId, Object body, URI location) {
        return send(command, planId, newId, body, HttpStatus.CREATED, location, grouping);
    }

    /** A command on an existing plan or cycle: 200. */
    public ResponseEntity<CommandAccepted> change(Object command, String streamId, Object body) {
        return send(command, streamId, null, body, HttpStatus.OK, null, grouping);
    }

    private ResponseEntity<CommandAccepted> send(Object command, String streamId, String newId, Object body,
                                                 HttpStatus status, URI location, boolean inGroup) {
        return run(body, status, location, CommandAccepted.class, List.of(streamId), inGroup, metaData -> {
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
        return run(body, HttpStatus.OK, null, BatchAccepted.class, streamIds, false, metaData -> {
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
     * transaction: the request's own ({@link #alone}), or with {@code inGroup} that of a group of concurrent requests
     * ({@link CommandGroups}), which is decided again alone when the group cannot be stored.
     */
    private <T> ResponseEntity<T> run(Object body, HttpStatus status, URI location, Class<T> answerType, List<String> streamIds,
                                      boolean inGroup, Function<MetaData, Function<Map<String, Head>, T>> decide) {
        Caller caller = Caller.current();
        Optional<String> key = idempotencyKey();
        Long expectedVersion = expectedVersion();
        String traceId = Optional.ofNullable(request.getHeader(InputLimits.CORRELATION_ID))
                .orElseGet(() -> UUID.randomUUID().toString());
        String requestHash = key.isPresent() ? requestHash(body) : null; // only a repeated request is compared

        Map<String, Object> context = new java.util.HashMap<>(caller.toMap());
        context.put(CommandContext.TRACE_ID, traceId);
        key.ifPresent(k -> context.put(CommandContext.IDEMPOTENCY_KEY, k));
        if (expectedVersion != null) {
            context.put(CommandContext.EXPECTED_VERSION, expectedVersion);
        }
        MetaData metaData = MetaData.from(context);

        Request<ResponseEntity<T>> decided = new Request<>(streamIds, captureThreadContext(), () -> {
            if (key.isPresent()) {
                Optional<ResponseEntity<T>> first = firstAnswer(caller, key.get(), requestHash, answerType);
                if (first.isPresent()) {
                    return new Answering<>(List.of(), heads -> first.get());
                }
            }
            Function<Map<String, Head>, T> accept = decide.apply(metaData);
            return new Answering<>(streamIds, heads -> {
                T accepted = accept.apply(heads);
                key.ifPresent(k -> remember(caller, k, requestHash, status, location, accepted));
                return answer(status, location, accepted, version(accepted), traceId, false);
            });
        });
        if (inGroup) {
            Object outcome = groups.decide(decided, groupWait);
            if (outcome == CommandGroups.Member.WAITED_TOO_LONG) {
                throw new ServiceBusy("commands-wait-too-long", "The service has more commands than it decides in "
                        + groupWait.toSeconds() + " s; nothing of this one was done. Retry shortly.");
            }
            if (outcome instanceof RuntimeException refused) {
                throw refused;
            }
            if (outcome != CommandGroups.Member.ALONE) {
                @SuppressWarnings("unchecked")
                ResponseEntity<T> answer = (ResponseEntity<T>) outcome;
                return answer;
            }
        }
        return alone(decided, () -> key.isPresent()
                ? transaction.execute(tx -> firstAnswer(caller, key.get(), requestHash, answerType))
                : Optional.empty());
    }

    /**
     * The request in a transaction of its own. When a stream it relied on moved on meanwhile ({@link ReadVersions}), or
     * a lock it waited for was held by a request waiting for one of its own, nothing is stored and it is decided again,
     * up to {@value #ATTEMPTS} times; when a concurrent request with the
     * same Idempotency-Key committed first, that one's answer ({@code firstAnswer}) is answered.
     */
    private <T> T alone(Request<T> decided, Supplier<Optional<T>> firstAnswer) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return this.<T>inOneTransaction(List.of(decided), false).getFirst();
                } catch (ReadVersions.Stale | DeadlockException retry) {
                    // a stream relied on moved on, or this request and another (a group, a bulk request) each held a
                    // plan the other needed: nothing was stored, decide again
                    if (attempt == ATTEMPTS) {
                        throw retry;
                    }
                }
            }
        } catch (DuplicateKeyException raced) {
            Optional<T> first = firstAnswer.get();
            if (first != null && first.isPresent()) {
                return first.get();
            }
            throw raced;
        }
    }

    /**
     * A group's requests in one transaction: each settled with its answer, or with its refusal (nothing of it is
     * stored, the others are); a failure of the transaction itself leaves them to be decided again alone.
     */
    private void decideTogether(List<Request<?>> group) {
        groupSizes.record(group.size());
        List<Object> outcomes = inOneTransaction(group, true);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).settle(outcomes.get(i));
        }
    }

    /**
     * One Axon unit of work that owns the database transaction of one request, or of a group. The commands' own units
     * nest in it; their events are appended when it commits, then the heads of every stream are read in the same
     * transaction (one query), then the transaction commits, and only then are the aggregates unlocked. So a command
     * on the same plan waits until this one's events are committed and visible: its events link to them in the hash
     * chain, and it never builds on events that could still roll back. A stream touched by a transaction that does
     * not commit is dropped from the aggregate cache.
     *
     * @param settleRefusals a group: a request refused is settled with its refusal (its command's own unit of work
     *                       rolled back, before any event was applied) and the others go on; alone, it is thrown
     * @return each request's answer (or, in a group, its refusal), in order
     */
    private <T> List<T> inOneTransaction(List<? extends Request<?>> requests, boolean settleRefusals) {
        Set<String> touched = new LinkedHashSet<>();
        requests.forEach(r -> touched.addAll(r.streamIds()));
        UnitOfWork<?> work = DefaultUnitOfWork.startAndGet(null);
        try {
            work.attachTransaction(transactionManager);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int completion) {
                    if (completion != STATUS_COMMITTED) {
                        touched.forEach(aggregates::evict);
                    }
                }
            });
            List<Answering<?>> answering = new ArrayList<>(requests.size());
            Object[] outcomes = new Object[requests.size()];
            for (int i = 0; i < requests.size(); i++) {
                Request<?> next = requests.get(i);
                try (RequestThreadContext.Scope ignored = next.context().open()) {
                    answering.add(next.decide().get());
                } catch (CommandRefused | org.axonframework.modelling.command.AggregateNotFoundException refused) {
                    if (!settleRefusals) {
                        throw refused;
                    }
                    answering.add(null);
                    outcomes[i] = refused;
                    next.streamIds().forEach(aggregates::evict);
                }
            }
            // registered after the commands ran, so it runs after the event bus's own prepare-commit step: the append
            work.onPrepareCommit(u -> {
                Set<String> streams = new LinkedHashSet<>();
                answering.stream().filter(Objects::nonNull).forEach(a -> streams.addAll(a.streamIds()));
                Map<String, Head> heads = headsAfterAppend(streams);
                for (int i = 0; i < requests.size(); i++) {
                    if (answering.get(i) != null) {
                        try (RequestThreadContext.Scope ignored = requests.get(i).context().open()) {
                            outcomes[i] = answering.get(i).answer().apply(heads);
                        }
                    }
                }
            });
            work.commit();
            @SuppressWarnings("unchecked")
            List<T> answers = (List<T>) Arrays.asList(outcomes);
            return answers;
        } catch (RuntimeException failed) {
            if (work.isActive()) {
                work.rollback(failed);
            }
            throw failed;
        }
    }

    private RequestThreadContext.Captured captureThreadContext() {
        if (threadContexts.isEmpty()) {
            return RequestThreadContext.Captured.NOTHING;
        }
        List<RequestThreadContext.Captured> captured = threadContexts.stream().map(RequestThreadContext::capture).toList();
        return () -> {
            List<RequestThreadContext.Scope> scopes = captured.stream().map(RequestThreadContext.Captured::open).toList();
            return () -> scopes.reversed().forEach(RequestThreadContext.Scope::close);
        };
    }

    /** A request's part of a transaction: what decides it, the streams it changes, what its thread held. */
    private static final class Request<T> extends CommandGroups.Member {

        private final List<String> streamIds;
        private final RequestThreadContext.Captured context;
        private final Supplier<Answering<T>> decide;

        Request(List<String> streamIds, RequestThreadContext.Captured context, Supplier<Answering<T>> decide) {
            this.streamIds = streamIds;
            this.context = context;
            this.decide = decide;
        }

        @Override
        List<String> streamIds() {
            return streamIds;
        }

        RequestThreadContext.Captured context() {
            return context;
        }

        /** Decides the request's commands (or finds the answer given before to its Idempotency-Key). */
        Supplier<Answering<T>> decide() {
            return decide;
        }
    }

    /** A decided request: the streams whose heads answer it, and its answer from them (run after the append). */
    private record Answering<T>(List<String> streamIds, Function<Map<String, Head>, T> answer) {
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
    private Map<String, Head> headsAfterAppend(Collection<String> streamIds) {
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
            answer.header(InputLimits.CORRELATION_ID, traceId);
        }
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(accepted);
    }

    /** The request's key, in the form {@link InputLimits} lets through. */
    private Optional<String> idempotencyKey() {
        return Optional.ofNullable(request.getHeader(InputLimits.IDEMPOTENCY_KEY));
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

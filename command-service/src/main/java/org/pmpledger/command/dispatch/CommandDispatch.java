package org.pmpledger.command.dispatch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import org.pmpledger.command.dispatch.Decision.Answering;
import org.pmpledger.command.dispatch.StreamHeads.Head;
import org.pmpledger.command.refusal.CommandRefused;

/**
 * Sends an HTTP request's command through Axon and answers {@code {id, version, position}}: the request's context
 * ({@link RequestContexts}), its first answer if its Idempotency-Key has one ({@link IdempotencyRecords}), its decision
 * alone or with a group ({@link CommandRunner}) in one transaction with its idempotency record
 * ({@link CommandTransactions}), and its HTTP answer once that transaction has ended ({@link Answered}).
 */
@Component
public class CommandDispatch {

    private final CommandGateway commands;
    private final RequestContexts contexts;
    private final IdempotencyRecords idempotency;
    private final CommandRunner runner;
    private final CommandTargets targets;

    CommandDispatch(
            CommandGateway commands,
            RequestContexts contexts,
            IdempotencyRecords idempotency,
            CommandRunner runner,
            CommandTargets targets) {
        this.commands = commands;
        this.contexts = contexts;
        this.idempotency = idempotency;
        this.runner = runner;
        this.targets = targets;
    }

    /**
     * A command that creates a plan or cycle: 201 with its Location. Decided alone: its set-based guard writes in the
     * transaction, and a guard that refuses would fail a group's transaction.
     */
    public ResponseEntity<CommandAccepted> create(Object command, Object body, URI location) {
        return send(command, null, body, location, false);
    }

    /** A command that creates an entry or tactic ({@code newId}) in its plan: 201 with its Location. */
    public ResponseEntity<CommandAccepted> createIn(Object command, String newId, Object body, URI location) {
        return send(command, newId, body, location, true);
    }

    /** A command on an existing plan or cycle: 200. */
    public ResponseEntity<CommandAccepted> change(Object command, Object body) {
        return send(command, null, body, null, true);
    }

    /**
     * Commands of one request, all or nothing, in one transaction: the first refusal rolls every one back and is
     * answered naming its item ({@code items[i]}); nothing is stored. Every event of the batch is appended in one JDBC
     * batch when the request's unit of work commits; the answer gives each stream's head.
     */
    public ResponseEntity<BatchAccepted> changeAll(List<?> batch, Object body) {
        List<String> streams = batch.stream().map(targets::streamOf).toList();
        return run(body, BatchAccepted.class, streams, null, false, metaData -> {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    commands.sendAndWait(
                            GenericCommandMessage.asCommandMessage(batch.get(i)).andMetaData(metaData));
                } catch (CommandRefused refused) {
                    throw refused.ofItem(i);
                } catch (AggregateNotFoundException unknown) {
                    throw CommandRefused.notFound("not-found", "No plan " + streams.get(i) + ".")
                            .ofItem(i);
                }
            }
            return heads -> {
                List<CommandAccepted> accepted = streams.stream()
                        .distinct()
                        .map(id -> accepted(heads, id, null, null))
                        .toList();
                long position = accepted.stream()
                        .mapToLong(CommandAccepted::position)
                        .max()
                        .orElse(0);
                return new BatchAccepted(batch.size(), position, accepted);
            };
        });
    }

    private ResponseEntity<CommandAccepted> send(
            Object command, String newId, Object body, URI location, boolean mayGroup) {
        String stream = targets.streamOf(command);
        return run(body, CommandAccepted.class, List.of(stream), location, mayGroup, metaData -> {
            Object outcome = commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            return heads -> accepted(heads, stream, newId, outcome instanceof String ? null : outcome);
        });
    }

    /**
     * Decides the request: {@code decide} sends its commands with the request's metadata and answers what to make of the
     * streams' heads once the events are appended; the answer is kept under the request's Idempotency-Key in the same
     * transaction. A key answered before is answered again, and nothing is decided.
     */
    private <T> ResponseEntity<T> run(
            Object body,
            Class<T> answerType,
            List<String> streams,
            URI location,
            boolean mayGroup,
            Function<MetaData, Function<Map<String, Head>, T>> decide) {
        RequestContext request = contexts.current(body);
        boolean created = location != null;
        String where = location == null ? null : location.toString();
        Decision<Answered<T>> decision = new Decision<>(streams, request.thread(), () -> {
            var first = idempotency.firstAnswer(request, answerType);
            if (first.isPresent()) {
                return new Answering<>(List.of(), heads -> replayed(first.get()));
            }
            Function<Map<String, Head>, T> accept = decide.apply(request.metaData());
            return new Answering<>(streams, heads -> {
                T accepted = accept.apply(heads);
                idempotency.remember(request, created, where, accepted);
                return new Answered<>(accepted, created, where, false);
            });
        });
        Answered<T> answered = runner.run(
                decision,
                mayGroup,
                () -> idempotency.firstAnswer(request, answerType).map(CommandDispatch::replayed));
        return answered.response(request.traceId());
    }

    private static <T> Answered<T> replayed(IdempotencyRecords.FirstAnswer<T> first) {
        return new Answered<>(first.accepted(), first.created(), first.location(), true);
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
}

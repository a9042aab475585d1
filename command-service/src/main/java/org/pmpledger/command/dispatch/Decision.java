package org.pmpledger.command.dispatch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.pmpledger.command.dispatch.StreamHeads.Head;

/**
 * One request's share of a transaction: the streams it appends to, what its thread held, and what decides it. Deciding
 * sends the request's commands through Axon (or finds the first answer to its Idempotency-Key) and tells how to answer
 * it once the events are appended.
 */
final class Decision<T> extends CommandGroups.Member {

    /** A decided request: the streams whose heads answer it, and its answer from those heads. */
    record Answering<T>(List<String> streamIds, Function<Map<String, Head>, T> answer) {}

    private final List<String> streamIds;
    private final RequestThreadContext.Captured thread;
    private final Supplier<Answering<T>> decide;

    Decision(List<String> streamIds, RequestThreadContext.Captured thread, Supplier<Answering<T>> decide) {
        this.streamIds = List.copyOf(streamIds);
        this.thread = thread;
        this.decide = decide;
    }

    @Override
    List<String> streamIds() {
        return streamIds;
    }

    RequestThreadContext.Captured thread() {
        return thread;
    }

    Answering<T> decide() {
        return decide.get();
    }
}

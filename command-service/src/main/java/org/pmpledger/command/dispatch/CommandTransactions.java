package org.pmpledger.command.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.pmpledger.command.dispatch.Decision.Answering;
import org.pmpledger.command.dispatch.StreamHeads.Head;
import org.pmpledger.command.refusal.CommandRefused;

/**
 * One database transaction for one request or a group of them, owned by one Axon unit of work. The commands' own units
 * of work nest in it: their events are appended when it commits; then the heads of every stream are read (one query),
 * then it commits, and only then are the aggregates unlocked. So a command on the same plan waits until this one's
 * events are committed: its events link to them in the hash chain, and it never builds on events that could still
 * roll back. A stream touched by a transaction that does not commit is dropped from the aggregate cache.
 */
@Component
class CommandTransactions {

    private final TransactionManager transactionManager;
    private final AggregateCache aggregates;
    private final StreamHeads streamHeads;

    CommandTransactions(TransactionManager transactionManager, AggregateCache aggregates, StreamHeads streamHeads) {
        this.transactionManager = transactionManager;
        this.aggregates = aggregates;
        this.streamHeads = streamHeads;
    }

    /**
     * Decides the requests in one transaction and answers each one's answer, in order.
     *
     * @param settleRefusals a group: a request refused is answered its refusal (its command's own unit of work rolled
     *                       back before any event was applied) and the others go on; alone, the refusal is thrown
     */
    List<Object> decide(List<? extends Decision<?>> requests, boolean settleRefusals) {
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
                Decision<?> next = requests.get(i);
                try (RequestThreadContext.Scope ignored = next.thread().open()) {
                    answering.add(next.decide());
                } catch (CommandRefused | AggregateNotFoundException refused) {
                    if (!settleRefusals) {
                        throw refused;
                    }
                    answering.add(null);
                    outcomes[i] = refused;
                    next.streamIds().forEach(aggregates::evict);
                }
            }
            // registered after the commands ran, so it runs after the event bus's own prepare-commit step: the append
            work.onPrepareCommit(u -> answerFromHeads(requests, answering, outcomes));
            work.commit();
            return Arrays.asList(outcomes);
        } catch (RuntimeException failed) {
            if (work.isActive()) {
                work.rollback(failed);
            }
            throw failed;
        }
    }

    private void answerFromHeads(
            List<? extends Decision<?>> requests, List<Answering<?>> answering, Object[] outcomes) {
        Set<String> streams = new LinkedHashSet<>();
        answering.stream().filter(Objects::nonNull).forEach(a -> streams.addAll(a.streamIds()));
        Map<String, Head> heads = headsAfterAppend(streams);
        for (int i = 0; i < requests.size(); i++) {
            if (answering.get(i) != null) {
                try (RequestThreadContext.Scope ignored =
                        requests.get(i).thread().open()) {
                    outcomes[i] = answering.get(i).answer().apply(heads);
                }
            }
        }
    }

    /**
     * One round trip after the append: the heads of the requests' streams, and of every stream their decisions relied on
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
}

package org.pmpledger.command.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.lock.DeadlockException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.pmpledger.web.ServiceBusy;

/**
 * Where a request is decided: with the group of concurrent requests being gathered ({@link CommandGroups}), when it may
 * join one and group commit is on ({@code pmp.commands.group-commit}), or in a transaction of its own. A group whose
 * transaction fails leaves each of its requests to be decided again alone.
 */
@Component
class CommandRunner {

    /** Decisions of one request, at most: the first and two more when a stream they relied on moved on meanwhile. */
    private static final int ATTEMPTS = 3;

    private final CommandTransactions transactions;
    private final TransactionTemplate transaction;
    private final CommandGroups<Decision<?>> groups;
    private final boolean grouping;
    private final Duration groupWait;
    private final DistributionSummary groupSizes;

    CommandRunner(
            CommandTransactions transactions,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            @Value("${pmp.commands.group-commit:true}") boolean grouping,
            @Value("${pmp.commands.group-commit.groups-at-once:1}") int groupsAtOnce,
            @Value("${pmp.commands.group-commit.max-wait:10s}") Duration groupWait) {
        this.transactions = transactions;
        this.transaction = new TransactionTemplate(transactionManager);
        this.groups = new CommandGroups<>(this::decideTogether, groupsAtOnce);
        this.grouping = grouping;
        this.groupWait = groupWait;
        this.groupSizes = DistributionSummary.builder("pmp.commands.group.size")
                .description("Requests decided and committed in one transaction (group commit)")
                .register(meters);
    }

    /**
     * Decides the request; answers its answer. {@code firstAnswer} reads the answer a concurrent request with the same
     * Idempotency-Key committed first, when that one won the race for the key.
     */
    <T> T run(Decision<T> decision, boolean mayGroup, Supplier<Optional<T>> firstAnswer) {
        if (mayGroup && grouping) {
            Object outcome = groups.decide(decision, groupWait);
            if (outcome == CommandGroups.Member.WAITED_TOO_LONG) {
                throw new ServiceBusy(
                        "commands-wait-too-long",
                        "The service has more commands than it decides in " + groupWait.toSeconds()
                                + " s; nothing of this one was done. Retry shortly.");
            }
            if (outcome instanceof RuntimeException refused) {
                throw refused;
            }
            if (outcome != CommandGroups.Member.ALONE) {
                @SuppressWarnings("unchecked")
                T answer = (T) outcome;
                return answer;
            }
        }
        return alone(decision, firstAnswer);
    }

    /**
     * The request in a transaction of its own. When a stream it relied on moved on meanwhile ({@link ReadVersions}), or
     * a lock it waited for was held by a request waiting for one of its own, nothing is stored and it is decided again,
     * up to {@value #ATTEMPTS} times.
     */
    private <T> T alone(Decision<T> decision, Supplier<Optional<T>> firstAnswer) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    @SuppressWarnings("unchecked")
                    T answer = (T) transactions.decide(List.of(decision), false).getFirst();
                    return answer;
                } catch (ReadVersions.Stale | DeadlockException retry) {
                    if (attempt == ATTEMPTS) {
                        throw retry;
                    }
                }
            }
        } catch (DuplicateKeyException raced) {
            Optional<T> first = transaction.execute(tx -> firstAnswer.get());
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
    private void decideTogether(List<Decision<?>> group) {
        groupSizes.record(group.size());
        List<Object> outcomes = transactions.decide(group, true);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).settle(outcomes.get(i));
        }
    }
}

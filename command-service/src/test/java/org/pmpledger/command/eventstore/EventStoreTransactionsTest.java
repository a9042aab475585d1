package org.pmpledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** When the event store opens a transaction of its own: for appends, never for reads outside one. */
class EventStoreTransactionsTest {

    private final AtomicInteger started = new AtomicInteger();
    private final TransactionManager engineTransactions = EventStoreSetup.readsOutsideTransactionsInAutocommit(() -> {
        started.incrementAndGet();
        return new Transaction() {
            @Override
            public void commit() {}

            @Override
            public void rollback() {}
        };
    });

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aReadOutsideAnyTransactionRunsWithoutOne() {
        assertThat(engineTransactions.fetchInTransaction(() -> "events")).isEqualTo("events");
        assertThat(started).hasValue(0);
    }

    @Test
    void aReadInsideATransactionRunsInIt() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThat(engineTransactions.fetchInTransaction(() -> "events")).isEqualTo("events");
        assertThat(started).hasValue(1);
    }

    @Test
    void anAppendAlwaysRunsInATransaction() {
        engineTransactions.executeInTransaction(() -> {});

        assertThat(started).hasValue(1);
    }
}

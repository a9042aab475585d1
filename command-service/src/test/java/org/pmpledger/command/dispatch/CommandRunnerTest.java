package org.pmpledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * How a request decided alone meets a race: decided again when a stream it relied on moved on (at most three times),
 * and answered the first answer when a concurrent request with its Idempotency-Key committed first.
 */
class CommandRunnerTest {

    private final CommandTransactions transactions = mock(CommandTransactions.class);
    private final CommandRunner runner = new CommandRunner(
            transactions, new NoTransactions(), new SimpleMeterRegistry(), false, 1, Duration.ofSeconds(1));
    private final Decision<String> decision = new Decision<>(List.of("plan-1"), null, () -> null);

    /** The transactions are the mocked CommandTransactions' own: this one only runs its callback. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }

    private static ReadVersions.Stale stale() {
        return new ReadVersions.Stale("cycle-2022", 3, 4L);
    }

    @Test
    void aRequestWhoseReadMovedOnIsDecidedAgain() {
        when(transactions.decide(anyList(), anyBoolean())).thenThrow(stale()).thenReturn(List.of("answer"));

        assertThat(runner.run(decision, false, Optional::empty)).isEqualTo("answer");
        verify(transactions, times(2)).decide(List.of(decision), false);
    }

    @Test
    void aRequestStillOutOfDateAfterThreeDecisionsIsRefused() {
        when(transactions.decide(anyList(), anyBoolean())).thenThrow(stale(), stale(), stale());

        assertThatThrownBy(() -> runner.run(decision, false, Optional::empty)).isInstanceOf(ReadVersions.Stale.class);
        verify(transactions, times(3)).decide(List.of(decision), false);
    }

    @Test
    void aRequestThatLostTheRaceForItsKeyIsAnsweredTheFirstAnswer() {
        when(transactions.decide(anyList(), anyBoolean())).thenThrow(new DuplicateKeyException("idempotency key"));

        assertThat(runner.run(decision, false, () -> Optional.of("the first answer")))
                .isEqualTo("the first answer");
    }

    @Test
    void aDuplicateKeyWithoutAFirstAnswerIsTheFailureItIs() {
        when(transactions.decide(anyList(), anyBoolean())).thenThrow(new DuplicateKeyException("another key"));

        assertThatThrownBy(() -> runner.run(decision, false, Optional::empty))
                .isInstanceOf(DuplicateKeyException.class);
    }
}

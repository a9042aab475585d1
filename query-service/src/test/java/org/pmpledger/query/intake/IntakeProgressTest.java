package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * When this instance's intake counts as stuck: records taken and not gone through for the limit (a long batch, or
 * failed attempts retried), or records waiting and no batch begun for the limit.
 */
class IntakeProgressTest {

    private static final Duration STUCK_AFTER = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong(0);
    private final IntakeProgress progress = new IntakeProgress(STUCK_AFTER, now::get);

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void aQuietIntakeIsNotStuckHoweverLongItWaits() {
        pass(Duration.ofHours(3));

        assertThat(progress.verdict(false).stuck()).isFalse();
    }

    @Test
    void theFirstBatchAfterAQuietSpellIsNotStuckWhileItRuns() {
        pass(Duration.ofHours(3));
        progress.batchStarted();
        pass(Duration.ofSeconds(2));

        assertThat(progress.verdict(true).stuck()).isFalse();
    }

    @Test
    void recordsWaitingWhileBatchesGoThroughIsNotStuck() {
        pass(Duration.ofSeconds(59));
        progress.batchStarted();
        progress.batchEnded();
        pass(Duration.ofSeconds(59));

        assertThat(progress.verdict(true).stuck()).isFalse();
    }

    @Test
    void recordsWaitingWithNoBatchBegunForTheLimitIsStuck() {
        pass(Duration.ofSeconds(61));

        IntakeProgress.Verdict verdict = progress.verdict(true);

        assertThat(verdict.stuck()).isTrue();
        assertThat(verdict.reason()).isEqualTo("records wait and no batch has begun for 61 s");
    }

    @Test
    void aBatchRunningPastTheLimitIsStuckEvenWhenNoRecordsAreSeenWaiting() {
        progress.batchStarted();
        pass(Duration.ofSeconds(61));

        assertThat(progress.verdict(false).stuck()).isTrue();
    }

    @Test
    void attemptsThatFailAndAreRetriedPastTheLimitAreStuck() {
        for (int attempt = 0; attempt < 7; attempt++) {
            progress.batchStarted();
            pass(Duration.ofSeconds(10));
            progress.batchFailed();
        }

        IntakeProgress.Verdict verdict = progress.verdict(false);

        assertThat(verdict.stuck()).isTrue();
        assertThat(verdict.reason()).isEqualTo("records taken 70 s ago have not gone through");
    }

    @Test
    void aBatchThatGoesThroughEndsBeingStuck() {
        progress.batchStarted();
        pass(Duration.ofSeconds(61));
        progress.batchEnded();

        assertThat(progress.verdict(true).stuck()).isFalse();
    }
}

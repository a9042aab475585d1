package org.pmpledger.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;

import org.pmpledger.testsupport.RunningService;

/**
 * The highest resident memory of the command and the query service while the load runs: a daemon thread samples both
 * every 250 ms from {@link #sampling} until {@link #stop}.
 */
final class HighestRss {

    private final LongAccumulator command = new LongAccumulator(Math::max, 0);
    private final LongAccumulator query = new LongAccumulator(Math::max, 0);
    private final AtomicBoolean loaded = new AtomicBoolean(true);
    private final Thread sampler;

    private HighestRss(RunningService commandService, RunningService queryService) {
        sampler = Thread.ofPlatform().daemon().start(() -> {
            while (loaded.get()) {
                command.accumulate(commandService.residentKib());
                query.accumulate(queryService.residentKib());
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // the next RSS sample
            }
        });
    }

    static HighestRss sampling(RunningService command, RunningService query) {
        return new HighestRss(command, query);
    }

    /** Ends the sampling, once its last sample is in. */
    void stop() throws InterruptedException {
        loaded.set(false);
        sampler.join();
    }

    /** The command service's highest RSS, in MiB. */
    long commandMib() {
        return command.get() / 1024;
    }

    /** The query service's highest RSS, in MiB. */
    long queryMib() {
        return query.get() / 1024;
    }
}

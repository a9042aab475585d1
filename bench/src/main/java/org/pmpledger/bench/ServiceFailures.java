package org.pmpledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.pmpledger.testsupport.RunningService;

/**
 * What went wrong inside the measured services during the run, read from their logs: a thread that died of an
 * uncaught throwable (an {@code OutOfMemoryError} among them) leaves a service up but no longer whole, and the figures
 * of such a run do not stand for the service.
 */
record ServiceFailures(long threadsDied, long outOfMemory) {

    static ServiceFailures in(RunningService... services) throws IOException {
        long died = 0;
        long memory = 0;
        for (RunningService service : services) {
            try (Stream<String> lines = Files.lines(service.log())) {
                List<String> failures = lines.filter(
                                line -> line.startsWith("Exception in thread") || line.contains("OutOfMemoryError"))
                        .toList();
                died += failures.stream()
                        .filter(line -> line.startsWith("Exception in thread"))
                        .count();
                memory += failures.stream()
                        .filter(line -> line.contains("OutOfMemoryError"))
                        .count();
            }
        }
        return new ServiceFailures(died, memory);
    }

    boolean none() {
        return threadsDied == 0 && outOfMemory == 0;
    }
}

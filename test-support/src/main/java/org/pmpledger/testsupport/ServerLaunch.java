package org.pmpledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Starts a server's process, its output appended to a log, and returns once it answers, or fails naming the log. */
final class ServerLaunch {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration NEXT_TRY = Duration.ofMillis(100);

    private ServerLaunch() {}

    static Process start(String name, List<String> command, Path log, BooleanSupplier answers) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (log: " + log + ")");
            }
            if (answers.getAsBoolean()) {
                return process;
            }
            LockSupport.parkNanos(NEXT_TRY.toNanos()); // the next try
        }
        throw new IllegalStateException(name + " did not answer within " + WAIT + " (log: " + log + ")");
    }
}

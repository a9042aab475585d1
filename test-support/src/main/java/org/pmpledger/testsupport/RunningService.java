package org.pmpledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One service started from its executable jar in its own JVM, as {@code java -jar} runs it in
 * production; its output goes to {@code <pmp.logs, default target/service-logs>/<name>.log}. Used by the
 * system tests and the benchmarks (which also read its start-up time and resident memory).
 */
public final class RunningService implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private RunningService(String name, Process process, int port, Path log, long startedAt) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        awaitHealthy();
        this.startup = Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Starts the jar named by the system property {@code pmp.<name>.jar} and waits until it is healthy. */
    public static RunningService start(String name, Map<String, String> properties) {
        return instance(name, name, properties);
    }

    /** Starts an instance of {@code service} (its log named after {@code instance}) and waits until it is healthy. */
    public static RunningService instance(String service, String instance, Map<String, String> properties) {
        return start(
                instance,
                Path.of(System.getProperty("pmp." + service + ".jar")),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                properties);
    }

    /** Starts {@code jar} with the JVM options and Spring properties given and waits until it is healthy. */
    public static RunningService start(String name, Path jar, List<String> jvmOptions, Map<String, String> properties) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path logs = Files.createDirectories(Path.of(System.getProperty("pmp.logs", "target/service-logs")));
            Path log = logs.resolve(name + ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            builder.environment()
                    .put("MALLOC_ARENA_MAX", "2"); // as README Operations recommends: fewer glibc arenas, less RSS
            long startedAt = System.nanoTime();
            Process process = builder.start();
            // a JVM that ends without closing it (killed, or a hung benchmark stopped) takes the service with it
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new RunningService(name, process, port, log, startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** From process start until its health endpoint first answered UP. */
    public Duration startup() {
        return startup;
    }

    /** The process's resident set size now, in KiB (Linux /proc). */
    public long residentKib() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The file the service's output goes to. */
    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (log: " + log + ")");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the next health poll
        }
        throw new IllegalStateException(name + " not healthy within 120 s (log: " + log + ")");
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

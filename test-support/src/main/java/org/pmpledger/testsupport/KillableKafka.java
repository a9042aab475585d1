package org.pmpledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in a JVM of its own ({@code kafka.Kafka}, the broker {@code infra/run-local} runs),
 * which a test can kill ({@code kill -9}) and start again on the same log and ports. Its classpath is the test's own,
 * read from the file named by {@code pmp.test.classpath.file} (the build writes it), else {@code java.class.path}.
 */
public final class KillableKafka implements AutoCloseable {

    private final Path home;
    private final Path properties;
    private final Path log;
    private final int port;
    private Process broker;

    private KillableKafka(Path home, int port) {
        this.home = home;
        this.properties = home.resolve("server.properties");
        this.log = home.resolve("kafka.log");
        this.port = port;
    }

    /** Formats a fresh log folder and starts the broker on free ports, topics made only when asked for. */
    public static KillableKafka start(int partitions) {
        try {
            Path home = ScratchFolder.create("pmp-killable-kafka-").path();
            KillableKafka kafka = new KillableKafka(home, RunningService.freePort());
            int controller = RunningService.freePort();
            Files.writeString(
                    kafka.properties,
                    String.join(
                            "\n",
                            "process.roles=broker,controller",
                            "node.id=1",
                            "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
                            "listeners=PLAINTEXT://127.0.0.1:" + kafka.port + ",CONTROLLER://127.0.0.1:" + controller,
                            "advertised.listeners=PLAINTEXT://127.0.0.1:" + kafka.port,
                            "controller.listener.names=CONTROLLER",
                            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                            "log.dirs=" + home.resolve("data"),
                            "num.partitions=" + partitions,
                            "auto.create.topics.enable=false",
                            "offsets.topic.replication.factor=1",
                            "offsets.topic.num.partitions=6",
                            "transaction.state.log.replication.factor=1",
                            "transaction.state.log.min.isr=1",
                            "transaction.state.log.num.partitions=6",
                            "share.coordinator.state.topic.replication.factor=1",
                            "share.coordinator.state.topic.min.isr=1",
                            "group.initial.rebalance.delay.ms=0",
                            ""));
            Files.writeString(
                    home.resolve("logback.xml"),
                    "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                            + "<encoder><pattern>%d %-5level %logger{36} %msg%n</pattern></encoder></appender>"
                            + "<root level=\"INFO\"><appender-ref ref=\"out\"/></root></configuration>");
            kafka.format();
            kafka.startBroker();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "killable-kafka-stop"));
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Ends the broker's JVM at once (SIGKILL): no controlled shutdown, no flush. */
    public void kill() {
        broker.destroyForcibly();
        broker.onExit().join();
    }

    /** Starts the broker again on the same log folder and ports; it recovers its log first. */
    public void restart() {
        startBroker();
    }

    /** Kills the broker if it runs and deletes its log folder; a second call finds nothing to do. */
    @Override
    public synchronized void close() {
        if (broker != null && broker.isAlive()) {
            kill();
        }
        new ScratchFolder(home).delete();
    }

    private void format() {
        List<String> command = java("kafka.tools.StorageTool");
        command.addAll(
                List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()));
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("format.log").toFile())
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the Kafka log failed: " + home.resolve("format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startBroker() {
        List<String> command = java("kafka.Kafka");
        command.add(properties.toString());
        broker = ServerLaunch.start("Kafka", command, log, this::listens);
    }

    private boolean listens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private List<String> java(String mainClass) {
        return new ArrayList<>(List.of(
                RunningService.javaBinary(),
                "-Xmx512m",
                "-cp",
                classpath(),
                "-Dlogback.configurationFile=" + home.resolve("logback.xml"),
                mainClass));
    }

    private static String classpath() {
        String file = System.getProperty("pmp.test.classpath.file");
        if (file == null) {
            return System.getProperty("java.class.path");
        }
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.pmpledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * The command path's speed, in one run on this machine, side by side with PostgreSQL's own limit:
 * <ul>
 *   <li>raw PostgreSQL: single-row INSERT + COMMIT of an event-shaped row from 16 connections, and 100-row
 *       batched INSERTs;</li>
 *   <li>P1: HTTP commands/s and latency, 16 concurrent clients sending RecordQuarterlyProgress and AddTactic,
 *       each mostly on its own plans, one in ten on 4 plans every client shares;</li>
 *   <li>P3: bulk ingest through {@code POST /api/v1/progress-batches} (500 recordings per request);</li>
 *   <li>P5: command-to-query lag at a steady 1,000 commands/s: from a RecordQuarterlyProgress's 2xx until the
 *       statewide comparison answers with it ({@code minPosition});</li>
 *   <li>P7: both services' start-up time and their highest resident memory under load.</li>
 * </ul>
 * Both services run from their executable jars as separate processes (local profile, for demo instants);
 * Kafka is an in-process KRaft broker in this JVM, next to the load generator.
 * <pre>infra/bench [SECONDS per phase, default 20]</pre>
 */
public final class CommandPathBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 16;
    /** No request waits longer: a lost answer fails its request, never the run. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final int SHARED_PLANS = 4;
    private static final List<Integer> FFYS = List.of(2050, 2051, 2052, 2053);
    /** The JVM options the README recommends for each service on a small machine (see Operations). */
    private static final List<String> SERVICE_JVM = serviceJvm();

    /**
     * The options README Operations recommends ({@code infra/service-jvm.options}), then any of
     * {@code -Dbench.jvm="..."} (space-separated: trying other JVM flags).
     */
    private static List<String> serviceJvm() {
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(
                    Path.of(System.getProperty("pmp.root", "..")).resolve("infra/service-jvm.options"))) {
                String option = line.replaceFirst("#.*", "").strip();
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String extra = System.getProperty("bench.jvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return List.copyOf(options);
    }

    /**
     * The services' JVM options; {@code -Dbench.jfr=true} adds a JFR profile of each to bench/target/&lt;service&gt;.jfr.
     * With an AOT cache (JDK 25) the classes of the service come loaded and linked from it.
     */
    private static List<String> jvmOptions(Path root, String service, Path aotCache) {
        List<String> options = new ArrayList<>(SERVICE_JVM);
        if (aotCache != null) {
            options.add("-XX:AOTCache=" + aotCache);
        }
        if (Boolean.getBoolean("bench.jfr")) {
            options.add("-XX:StartFlightRecording=settings=profile,filename="
                    + root.resolve("bench/target/" + service + ".jfr"));
        }
        return options;
    }

    /**
     * The service's jar extracted as README Operations describes (Spring Boot's {@code -Djarmode=tools extract}: the
     * application jar beside its libraries, which the JVM can cache, unlike classes nested in the executable jar).
     */
    private static Path extracted(Path root, String service) throws Exception {
        Path jar = root.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar");
        Path directory = root.resolve("bench/target/" + service + "-extracted");
        run(
                List.of(
                        javaBinary(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        directory.toString(),
                        "--force"),
                root.resolve("bench/target/" + service + "-extract.log"));
        return directory.resolve(jar.getFileName());
    }

    /**
     * A training start of the service (the context refreshes against its own scratch database, then the JVM exits) that
     * writes its AOT cache (JDK 25's {@code -XX:AOTCacheOutput}); null on an older JDK or when training fails.
     */
    private static Path trainedAotCache(Path root, String service, Path jar, Map<String, String> properties)
            throws Exception {
        if (Runtime.version().feature() < 25) {
            return null;
        }
        Path cache = root.resolve("bench/target/" + service + ".aot");
        Files.deleteIfExists(cache);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(SERVICE_JVM);
        command.addAll(List.of(
                "-XX:AOTCacheOutput=" + cache,
                "-Dspring.context.exit=onRefresh",
                "-jar",
                jar.toString(),
                "--server.port=0"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        int exit = run(command, root.resolve("bench/target/" + service + "-training.log"));
        if (exit != 0 || !Files.isRegularFile(cache)) {
            System.out.printf("AOT cache training of %s failed (exit %d); it starts without one%n", service, exit);
            return null;
        }
        return cache;
    }

    /** A service's Spring properties in the bench: local profile, its database, the broker, the bench's key; plus {@code own}. */
    private Map<String, String> serviceProperties(
            TestPostgres.Database database, String kafka, Map<String, String> own) {
        Map<String, String> properties = new HashMap<>(own);
        properties.put("spring.profiles.active", "local");
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("pmp.security.local-key-dir", tokens.keyDirectory().toString());
        properties.put("logging.level.root", "WARN");
        return withDatabase(properties, database);
    }

    /** The properties with a scratch database of their own (a training start migrates it). */
    private static Map<String, String> withDatabase(Map<String, String> properties, String prefix) {
        return withDatabase(properties, TestPostgres.newDatabase(prefix));
    }

    private static Map<String, String> withDatabase(Map<String, String> properties, TestPostgres.Database scratch) {
        Map<String, String> changed = new HashMap<>(properties);
        changed.put("spring.datasource.url", scratch.jdbcUrl());
        changed.put("spring.datasource.username", scratch.user());
        changed.put("spring.datasource.password", scratch.password());
        return changed;
    }

    private static int run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish (log: " + log + ")");
        }
        return process.exitValue();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The load generator's client. Its work runs on the client's own selector thread (a direct executor): with a pool,
     * every answer hopped to a pool thread and woke the sender from there, and the load generator took 0.9-1.5 ms of CPU
     * per command on a machine it shares with the services it measures.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run)
            .build();

    private final TestTokens tokens = TestTokens.inNewKeyDirectory();
    private final String app = tokens.token("bench-app", List.of("SERVICE", "STATE_ADMIN"), "*", null);
    private List<Plan> plans = new ArrayList<>();
    private final Map<String, LongAccumulator> highestRss = new HashMap<>();
    private final Map<String, Double> requestsPerGroup = new HashMap<>();
    private String commandUrl;
    private String queryUrl;

    /** A plan approved for the benchmark, with one entry; counts its recordings to choose first or correction. */
    private record Plan(String id, String entryId, int ffy, AtomicInteger recordings) {}

    private record Phase(long commands, double seconds, long[] latenciesNanos, long refused) {

        double perSecond() {
            return commands / seconds;
        }

        double percentileMillis(double p) {
            return latenciesNanos.length == 0
                    ? Double.NaN
                    : latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.floor(latenciesNanos.length * p))]
                            / 1e6;
        }
    }

    private CommandPathBenchmark() {}

    public static void main(String[] args) {
        int exit = 1;
        try {
            exit = new CommandPathBenchmark().run(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(exit); // the in-process broker's threads would keep the JVM alive
        }
    }

    private int run(int seconds) throws Exception {
        Duration phase = Duration.ofSeconds(seconds);
        CpuUse rawCpu = new CpuUse(Map.of());
        CpuUse.Snapshot beforeRaw = rawCpu.take();
        double rawSingle = rawSingleRowCommitRate(TestPostgres.newDatabase("pmp_bench_raw1"), phase);
        CpuUse.Used rawUsed = CpuUse.between(beforeRaw, rawCpu.take());
        System.out.printf(
                "raw PostgreSQL single-row INSERT+COMMIT, %d connections: %,.0f rows/s%n", CLIENTS, rawSingle);
        double rawBatched = RebuildBenchmark.rawBatchedInsertRate(TestPostgres.newDatabase("pmp_bench_raw100"));
        System.out.printf("raw PostgreSQL 100-row batched INSERTs: %,.0f rows/s%n", rawBatched);

        String kafka = TestKafka.bootstrapServers();
        String topic = "pmp.bench-commands-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database eventStore = TestPostgres.newDatabase("pmp_bench_command");
        TestPostgres.Database projections = TestPostgres.newDatabase("pmp_bench_query");
        Path root = Path.of(System.getProperty("pmp.root", ".."));
        System.setProperty("pmp.logs", root.resolve("bench/target/service-logs").toString());
        Map<String, String> commandProperties =
                serviceProperties(eventStore, kafka, Map.of("pmp.publication.topic", topic));
        Map<String, String> queryProperties = serviceProperties(
                projections,
                kafka,
                Map.of("spring.kafka.consumer.group-id", "bench-" + topic, "pmp.intake.topic", topic));
        Path commandJar = extracted(root, "command-service");
        Path queryJar = extracted(root, "query-service");
        Path commandAot = trainedAotCache(
                root, "command-service", commandJar, withDatabase(commandProperties, "pmp_bench_train_command"));
        Path queryAot = trainedAotCache(
                root, "query-service", queryJar, withDatabase(queryProperties, "pmp_bench_train_query"));
        String compared = System.getProperty("bench.compare", "").strip();
        try (RunningService command = RunningService.start(
                        "command-service",
                        commandJar,
                        jvmOptions(root, "command-service", commandAot),
                        commandProperties);
                RunningService query = RunningService.start(
                        "query-service", queryJar, jvmOptions(root, "query-service", queryAot), queryProperties);
                RunningService other = compared.isEmpty()
                        ? null
                        : RunningService.start(
                                "command-service-compared",
                                commandJar,
                                jvmOptions(root, "command-service-compared", commandAot),
                                withSettings(
                                        serviceProperties(
                                                TestPostgres.newDatabase("pmp_bench_compared"),
                                                kafka,
                                                Map.of("pmp.publication.topic", topic + "-compared")),
                                        compared));
                // the compared command service's events are projected too, by a query service of its own: both stacks
                // alike
                RunningService otherQuery = compared.isEmpty()
                        ? null
                        : RunningService.start(
                                "query-service-compared",
                                queryJar,
                                jvmOptions(root, "query-service-compared", queryAot),
                                serviceProperties(
                                        TestPostgres.newDatabase("pmp_bench_compared_query"),
                                        kafka,
                                        Map.of(
                                                "spring.kafka.consumer.group-id",
                                                "bench-" + topic + "-compared",
                                                "pmp.intake.topic",
                                                topic + "-compared")))) {
            commandUrl = command.baseUrl();
            queryUrl = query.baseUrl();
            System.out.printf(
                    "started: command-service %d ms, query-service %d ms%n",
                    command.startup().toMillis(), query.startup().toMillis());
            setUp();
            System.out.printf("set up %d approved plans%n", plans.size());
            Target configured = new Target(command, query, plans);
            Target comparedTarget = null;
            if (other != null) {
                comparedTarget = new Target(other, otherQuery, new ArrayList<>());
                use(comparedTarget);
                setUp();
                closedLoop(Duration.ofSeconds(Long.getLong("bench.warmup", 60))
                        .multipliedBy(2)
                        .dividedBy(3));
                use(configured);
            }

            AtomicBoolean loaded = new AtomicBoolean(true);
            Thread rss = Thread.ofPlatform().daemon().start(() -> {
                while (loaded.get()) {
                    highestRss
                            .computeIfAbsent("command", k -> new LongAccumulator(Math::max, 0))
                            .accumulate(command.residentKib());
                    highestRss
                            .computeIfAbsent("query", k -> new LongAccumulator(Math::max, 0))
                            .accumulate(query.residentKib());
                    LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // the next RSS sample
                }
            });

            warmUp(Duration.ofSeconds(Long.getLong("bench.warmup", 60)));
            PhaseProfile profile = new PhaseProfile(root);
            List<RunningService> services = List.of(command, query);
            CpuUse cpu = new CpuUse(Map.of(command.name(), command.pid(), query.name(), query.pid()));
            Map<String, CpuUse.Used> cpuOf = new LinkedHashMap<>();
            cpuOf.put("raw single-row", rawUsed);
            Phase p1 = measured("P1", cpu, cpuOf, () -> profile.during("p1", services, () -> closedLoop(phase)));
            System.out.printf(
                    "P1: %,.0f commands/s, p50 %.1f ms, p99 %.1f ms (%d refused)%n",
                    p1.perSecond(), p1.percentileMillis(0.5), p1.percentileMillis(0.99), p1.refused());
            String sideBySide =
                    comparedTarget == null ? "" : "\n" + sideBySide(phase, configured, comparedTarget, compared);
            Phase p3 = measured("P3", cpu, cpuOf, () -> profile.during("p3", services, () -> bulk(phase, 500)));
            System.out.printf(
                    "P3: %,.0f events/s in batches of 500, p50 %.0f ms per batch%n",
                    p3.perSecond(), p3.percentileMillis(0.5));
            awaitQuerySide(); // P5 measures lag, not the backlog P3 left
            // 1,000 commands/s when the service sustains it; else 80 % of what P1 measured, so the queue stays bounded
            int rate = (int) Math.min(1000, Math.max(10, 0.8 * p1.perSecond()));
            Phase p5 = measured("P5", cpu, cpuOf, () -> profile.during("p5", services, () -> steadyLag(phase, rate)));
            System.out.printf(
                    "P5: %,.0f commands/s sent, lag p50 %.1f ms, p99 %.1f ms%n",
                    p5.perSecond(), p5.percentileMillis(0.5), p5.percentileMillis(0.99));
            awaitQuerySide();
            // the pipeline's own lag, with the machine far from saturated: a tenth of what P1 measured
            Phase p5light = steadyLag(phase, (int) Math.max(5, 0.1 * p1.perSecond()));
            System.out.printf(
                    "P5 light: %,.0f commands/s sent, lag p50 %.1f ms, p99 %.1f ms%n",
                    p5light.perSecond(), p5light.percentileMillis(0.5), p5light.percentileMillis(0.99));
            loaded.set(false);
            rss.join();
            long[] chain = brokenLinks(eventStore);
            System.out.printf("hash chain after the run: %,d events, %,d broken links%n", chain[0], chain[1]);

            String table = table(rawSingle, rawBatched, p1, p3, p5, p5light, command, query, chain)
                    + "\n"
                    + cpuTable(
                            cpuOf,
                            Map.of(
                                    "raw single-row",
                                    new Phase(
                                            Math.round(rawSingle * phase.toSeconds()),
                                            phase.toSeconds(),
                                            new long[0],
                                            0),
                                    "P1",
                                    p1,
                                    "P3",
                                    p3,
                                    "P5",
                                    p5))
                    + sideBySide;
            System.out.println();
            System.out.println(table);
            Files.writeString(root.resolve("bench/target/command-path.md"), table);
        }
        return 0;
    }

    /**
     * Correctness under the load just measured: every event's previous_hash must be its predecessor's event_hash and
     * no sequence number may be skipped (the service's own ChainVerification also recomputes each hash).
     * Answers {events, broken links}.
     */
    private static long[] brokenLinks(TestPostgres.Database eventStore) throws Exception {
        try (Connection c =
                        DriverManager.getConnection(eventStore.jdbcUrl(), eventStore.user(), eventStore.password());
                var query = c.createStatement();
                var result = query.executeQuery("""
                     SELECT count(*),
                            count(*) FILTER (WHERE e.sequence_number > 0
                                             AND (p.event_hash IS NULL OR p.event_hash IS DISTINCT FROM e.previous_hash))
                     FROM domain_event_entry e
                     LEFT JOIN domain_event_entry p
                       ON p.aggregate_identifier = e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1""")) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2)};
        }
    }

    private String table(
            double rawSingle,
            double rawBatched,
            Phase p1,
            Phase p3,
            Phase p5,
            Phase p5light,
            RunningService command,
            RunningService query,
            long[] chain) {
        StringBuilder t = new StringBuilder();
        t.append("| measure | value | goal | reached |\n|---|---|---|---|\n");
        t.append(String.format(
                "| raw PostgreSQL: single-row INSERT + COMMIT, %d connections | %,.0f rows/s | | |%n",
                CLIENTS, rawSingle));
        t.append(String.format("| raw PostgreSQL: 100-row batched INSERTs | %,.0f rows/s | | |%n", rawBatched));
        t.append(String.format(
                "| P1: HTTP commands, %d clients (RecordQuarterlyProgress + AddTactic) | %,.0f commands/s, p50 %.1f ms, p99 %.1f ms | ≥ 0.5× raw single-row | %.2f× %s |%n",
                CLIENTS,
                p1.perSecond(),
                p1.percentileMillis(0.5),
                p1.percentileMillis(0.99),
                p1.perSecond() / rawSingle,
                p1.perSecond() >= 0.5 * rawSingle ? "yes" : "no"));
        t.append(String.format(
                "| P3: bulk ingest, 500 recordings per request, all or nothing | %,.0f events/s | ≥ 0.5× raw batched | %.2f× %s |%n",
                p3.perSecond(), p3.perSecond() / rawBatched, p3.perSecond() >= 0.5 * rawBatched ? "yes" : "no"));
        t.append(String.format(
                "| P5: command → comparison lag at %,.0f commands/s | p50 %.1f ms, p99 %.1f ms | p99 < 250 ms | %s |%n",
                p5.perSecond(),
                p5.percentileMillis(0.5),
                p5.percentileMillis(0.99),
                p5.percentileMillis(0.99) < 250 ? "yes" : "no"));
        t.append(String.format(
                "| P5 light: the same lag at %,.0f commands/s (a tenth of P1; not a goal of the issue) | p50 %.1f ms, p99 %.1f ms | | |%n",
                p5light.perSecond(), p5light.percentileMillis(0.5), p5light.percentileMillis(0.99)));
        long commandRss = highestRss.get("command").get() / 1024;
        long queryRss = highestRss.get("query").get() / 1024;
        t.append(String.format(
                "| P7: highest RSS under load, command / query (%s) | %d MB / %d MB | < 512 MB each | %s |%n",
                String.join(" ", SERVICE_JVM),
                commandRss,
                queryRss,
                commandRss < 512 && queryRss < 512 ? "yes" : "no"));
        t.append(String.format(
                "| P7: start-up to healthy, command / query | %.1f s / %.1f s | < 5 s each | %s |%n",
                command.startup().toMillis() / 1e3,
                query.startup().toMillis() / 1e3,
                command.startup().toSeconds() < 5 && query.startup().toSeconds() < 5 ? "yes" : "no"));
        t.append(String.format(
                "| audit: hash chain links broken after the run | %,d of %,d events | 0 | %s |%n",
                chain[1], chain[0], chain[1] == 0 ? "yes" : "no"));
        return t.toString();
    }

    /** A command service under load, the query service projecting its events, and its approved plans. */
    private record Target(RunningService service, RunningService query, List<Plan> plans) {}

    /** The phases' commands go to {@code target}. */
    private void use(Target target) {
        commandUrl = target.service().baseUrl();
        plans = target.plans();
    }

    /** {@code properties} with the settings of {@code -Dbench.compare} ("--key=value --key=value"). */
    private static Map<String, String> withSettings(Map<String, String> properties, String settings) {
        Map<String, String> changed = new HashMap<>(properties);
        for (String setting : settings.split("\\s+")) {
            String[] keyValue = setting.replaceFirst("^--", "").split("=", 2);
            changed.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "true");
        }
        return changed;
    }

    /**
     * P1 side by side ({@code -Dbench.compare="--key=value ..."}): the command service as configured (A) and a second one
     * started with those settings (B), each with its own event store, plans and query service, loaded in turn in eight
     * windows (A B B A A B B A), so that the machine's drift during the run weighs on both alike. Answers the comparison
     * as a table.
     */
    private String sideBySide(Duration phase, Target a, Target b, String settings) throws Exception {
        Duration window = Duration.ofMillis(Math.max(5_000, phase.toMillis() / 4));
        Map<Target, List<Phase>> phases = new IdentityHashMap<>();
        Map<Target, List<CpuUse.Used>> cpu = new IdentityHashMap<>();
        for (Target target : List.of(a, b, b, a, a, b, b, a)) {
            use(target);
            CpuUse use = new CpuUse(Map.of(
                    "command-service",
                    target.service().pid(),
                    "query-service",
                    target.query().pid()));
            CpuUse.Snapshot before = use.take();
            phases.computeIfAbsent(target, t -> new ArrayList<>()).add(closedLoop(window));
            cpu.computeIfAbsent(target, t -> new ArrayList<>()).add(CpuUse.between(before, use.take()));
        }
        use(a);
        StringBuilder t = new StringBuilder(
                "| P1 side by side, same run | A: as configured | B: " + settings + " |\n|---|---|---|\n");
        Map<Target, Phase> merged = new IdentityHashMap<>();
        phases.forEach((target, list) -> merged.put(
                target,
                new Phase(
                        list.stream().mapToLong(Phase::commands).sum(),
                        list.stream().mapToDouble(Phase::seconds).sum(),
                        list.stream()
                                .flatMapToLong(p -> Arrays.stream(p.latenciesNanos()))
                                .sorted()
                                .toArray(),
                        list.stream().mapToLong(Phase::refused).sum())));
        t.append(String.format(
                "| commands/s | %,.0f | %,.0f |%n",
                merged.get(a).perSecond(), merged.get(b).perSecond()));
        t.append(String.format(
                "| p50 / p99 | %.1f / %.1f ms | %.1f / %.1f ms |%n",
                merged.get(a).percentileMillis(0.5),
                merged.get(a).percentileMillis(0.99),
                merged.get(b).percentileMillis(0.5),
                merged.get(b).percentileMillis(0.99)));
        for (String part : List.of("command-service", "query-service", "PostgreSQL")) {
            t.append("| CPU ms per command: ").append(part).append(" |");
            for (Target target : List.of(a, b)) {
                double seconds = cpu.get(target).stream()
                        .mapToDouble(used -> used.seconds().get(part))
                        .sum();
                t.append(String.format(
                        " %.2f |", seconds * 1000 / merged.get(target).commands()));
            }
            t.append('\n');
        }
        t.append("| CPU ms per command: all of the box |");
        for (Target target : List.of(a, b)) {
            t.append(String.format(
                    " %.2f |",
                    cpu.get(target).stream().mapToDouble(CpuUse.Used::machine).sum()
                            * 1000
                            / merged.get(target).commands()));
        }
        t.append('\n');
        System.out.print(t);
        return t.toString();
    }

    /**
     * Runs a phase and keeps what CPU each part of the box used during it, and how many requests the command service
     * decided per transaction (group commit).
     */
    private Phase measured(String name, CpuUse cpu, Map<String, CpuUse.Used> cpuOf, Callable<Phase> phase)
            throws Exception {
        double[] groupsBefore = groupSizes();
        CpuUse.Snapshot before = cpu.take();
        Phase measured = phase.call();
        CpuUse.Used used = CpuUse.between(before, cpu.take());
        double[] groupsAfter = groupSizes();
        cpuOf.put(name, used);
        double groups = groupsAfter[0] - groupsBefore[0];
        if (groups > 0) {
            requestsPerGroup.put(name, (groupsAfter[1] - groupsBefore[1]) / groups);
        }
        System.out.printf(
                "%s CPU: %s; machine %.2f cores busy, steal %.2f; %.1f requests per group commit%n",
                name,
                used.perCommand(measured.commands()),
                used.machine() / measured.seconds(),
                used.steal() / measured.seconds(),
                requestsPerGroup.getOrDefault(name, Double.NaN));
        return measured;
    }

    /** {count, total} of the command service's {@code pmp.commands.group.size} summary; zeros without group commit. */
    private double[] groupSizes() {
        HttpResponse<String> answer =
                send("GET", commandUrl + "/actuator/metrics/pmp.commands.group.size", app, null, null);
        double[] countAndTotal = new double[2];
        if (answer.statusCode() == 200) {
            for (JsonNode measurement : JSON.readTree(answer.body()).get("measurements")) {
                switch (measurement.get("statistic").asString()) {
                    case "COUNT" -> countAndTotal[0] = measurement.get("value").asDouble();
                    case "TOTAL" -> countAndTotal[1] = measurement.get("value").asDouble();
                    default -> {}
                }
            }
        }
        return countAndTotal;
    }

    /** Milliseconds of CPU per command (P3: per recorded event) of each part of the box, and how busy the box was. */
    private String cpuTable(Map<String, CpuUse.Used> cpuOf, Map<String, Phase> phases) {
        StringBuilder t =
                new StringBuilder("| CPU ms per command | " + String.join(" | ", cpuOf.keySet()) + " |\n|---|");
        t.append("---|".repeat(cpuOf.size())).append('\n');
        for (String part : CpuUse.PARTS) {
            t.append("| ").append(part).append(" |");
            cpuOf.forEach((phase, used) -> {
                Double ms = used.perCommand(phases.get(phase).commands()).get(part);
                t.append(ms == null ? " – |" : String.format(" %.2f |", ms)); // no such part in that phase
            });
            t.append('\n');
        }
        t.append("| **all of the box** |");
        cpuOf.forEach((phase, used) -> t.append(String.format(
                " **%.2f** |", used.machine() * 1000 / phases.get(phase).commands())));
        t.append("\n| cores busy (of %d) |".formatted(Runtime.getRuntime().availableProcessors()));
        cpuOf.forEach((phase, used) -> t.append(
                String.format(" %.2f |", used.machine() / phases.get(phase).seconds())));
        t.append("\n| requests per transaction (group commit) |");
        cpuOf.keySet()
                .forEach(phase -> t.append(
                        requestsPerGroup.containsKey(phase)
                                ? String.format(" %.1f |", requestsPerGroup.get(phase))
                                : " – |"));
        t.append('\n');
        return t.toString();
    }

    // --- raw PostgreSQL ------------------------------------------------------------------------------

    /** Single-row INSERT + COMMIT of an event-shaped row (the event table's columns and unique keys), 16 connections. */
    static double rawSingleRowCommitRate(TestPostgres.Database database, Duration duration) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE bench_event (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, "
                            + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255), "
                            + "time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), "
                            + "payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
        }
        byte[] payload = ("{\"planId\":\"" + UUID.randomUUID() + "\",\"ffy\":2050,\"lcsa\":\"ALAMEDA\",\"entryId\":\""
                        + UUID.randomUUID()
                        + "\",\"quarter\":\"Q2\",\"value\":64.2,\"narrative\":\"Steady progress this quarter\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] meta =
                "{\"subject\":\"bench\",\"roles\":[\"SERVICE\"],\"traceId\":\"3f0c\"}".getBytes(StandardCharsets.UTF_8);
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(
                                    database.jdbcUrl(), database.user(), database.password());
                            PreparedStatement insert = c.prepareStatement(
                                    "INSERT INTO bench_event (event_identifier, aggregate_identifier, "
                                            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                                            + "VALUES (?, ?, ?, 'Plan', ?, 'org.pmpledger.events.plan.QuarterlyProgressRecorded', '1', ?, ?)")) {
                        long sequence = 0;
                        while (System.nanoTime() < end) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, "plan-" + id);
                            insert.setLong(3, sequence++);
                            insert.setString(4, Clock.systemUTC().instant().toString());
                            insert.setBytes(5, payload);
                            insert.setBytes(6, meta);
                            insert.executeUpdate(); // autocommit: one COMMIT (one WAL flush) per row
                            rows.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    // --- set-up --------------------------------------------------------------------------------------

    private void setUp() throws Exception {
        List<String[]> agencies = Files.readAllLines(
                        Path.of(System.getProperty("pmp.root", "..")).resolve("infra/demo-data/agencies.txt"))
                .stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .toList();
        for (int ffy : FFYS) {
            expect(
                    send(
                            "POST",
                            commandUrl + "/api/v1/cycles",
                            app,
                            JSON.writeValueAsString(Ffy2022.openCycle(ffy)),
                            (ffy - 1) + "-08-01T17:00:00Z"),
                    201);
        }
        List<Runnable> work = new ArrayList<>();
        for (int ffy : FFYS) {
            for (String[] agency : agencies) {
                work.add(() -> {
                    Plan plan = approvedPlan(ffy, agency[0], agency[1]);
                    synchronized (plans) {
                        plans.add(plan);
                    }
                });
            }
        }
        inParallel(work);
        plans.sort(Comparator.comparing(Plan::id));
    }

    private Plan approvedPlan(int ffy, String lcsa, String region) {
        String ra = tokens.token("bench-ra-" + region, List.of("REGIONAL_ADMIN"), null, region);
        String drafted = (ffy - 1) + "-08-20T17:00:00Z";
        String planId = expect(
                        send(
                                "POST",
                                commandUrl + "/api/v1/plans",
                                app,
                                "{\"ffy\":" + ffy + ",\"lcsa\":\"" + lcsa + "\"}",
                                drafted),
                        201)
                .get("id")
                .asString();
        String entryId = expect(
                        send(
                                "POST",
                                commandUrl + "/api/v1/plans/" + planId + "/entries",
                                app,
                                JSON.writeValueAsString(Ffy2022.entryForInitiative1()),
                                drafted),
                        201)
                .get("id")
                .asString();
        expect(
                send(
                        "POST",
                        commandUrl + "/api/v1/plans/" + planId + "/submission",
                        app,
                        null,
                        (ffy - 1) + "-09-01T17:00:00Z"),
                200);
        expect(
                send(
                        "POST",
                        commandUrl + "/api/v1/plans/" + planId + "/review",
                        ra,
                        "{\"decision\":\"APPROVE\"}",
                        (ffy - 1) + "-09-10T17:00:00Z"),
                200);
        return new Plan(planId, entryId, ffy, new AtomicInteger());
    }

    // --- the commands --------------------------------------------------------------------------------

    /** A RecordQuarterlyProgress for the plan: its next quarter first, then corrections (with a reason). */
    private HttpRequest recordProgress(Plan plan) {
        int n = plan.recordings().getAndIncrement();
        String quarter = "Q" + (n % 4 + 1);
        String body = "{\"value\":" + (55 + ThreadLocalRandom.current().nextInt(400) / 10.0)
                + ",\"narrative\":\"Quarterly update " + n + "\"" + (n >= 4 ? ",\"reason\":\"CDR refresh\"" : "") + "}";
        return request(
                "PUT",
                commandUrl + "/api/v1/plans/" + plan.id() + "/entries/" + plan.entryId() + "/progress/" + quarter,
                app,
                body,
                plan.ffy() + "-07-15T17:00:00Z");
    }

    private HttpRequest addTactic(Plan plan) {
        String body = "{\"entryId\":\"" + plan.entryId()
                + "\",\"title\":\"Outreach call round\",\"leads\":[\"Case manager\"],"
                + "\"description\":\"Call every case with a missed payment\",\"projectedCompletion\":\"" + plan.ffy()
                + "-09-30\","
                + "\"initiative\":\"1\"}";
        return request(
                "POST",
                commandUrl + "/api/v1/plans/" + plan.id() + "/tactics",
                app,
                body,
                plan.ffy() + "-07-15T17:00:00Z");
    }

    /** 16 clients, each sending its next command as soon as the last one answered. */
    private Phase closedLoop(Duration duration) throws Exception {
        return clients(CLIENTS, duration, id -> {
            List<Plan> own = new ArrayList<>();
            for (int i = SHARED_PLANS + id; i < plans.size(); i += CLIENTS) {
                own.add(plans.get(i));
            }
            return () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Plan plan = random.nextInt(10) == 0
                        ? plans.get(random.nextInt(SHARED_PLANS))
                        : own.get(random.nextInt(own.size()));
                return new Sent(random.nextBoolean() ? recordProgress(plan) : addTactic(plan), 1);
            };
        });
    }

    /** Four clients sending batches of recordings, each batch over its own plans. */
    private Phase bulk(Duration duration, int size) throws Exception {
        int clients = 4;
        return clients(clients, duration, id -> {
            List<Plan> own = new ArrayList<>();
            for (int i = id; i < plans.size(); i += clients) {
                own.add(plans.get(i));
            }
            return () -> {
                StringBuilder body = new StringBuilder("{\"items\":[");
                for (int i = 0; i < size; i++) {
                    Plan plan = own.get(i % own.size());
                    int n = plan.recordings().getAndIncrement();
                    body.append(i == 0 ? "" : ",")
                            .append("{\"planId\":\"")
                            .append(plan.id())
                            .append("\",\"entryId\":\"")
                            .append(plan.entryId())
                            .append("\",\"quarter\":\"Q")
                            .append(n % 4 + 1)
                            .append("\",\"value\":")
                            .append(50 + n % 40)
                            .append(",\"narrative\":\"Bulk ")
                            .append(n)
                            .append('"')
                            .append(n >= 4 ? ",\"reason\":\"CDR refresh\"}" : "}");
                }
                body.append("]}");
                return new Sent(
                        request(
                                "POST",
                                commandUrl + "/api/v1/progress-batches",
                                app,
                                body.toString(),
                                FFYS.getLast() + "-07-15T17:00:00Z"),
                        size);
            };
        });
    }

    /** A client's next request and how many commands it carries. */
    private record Sent(HttpRequest request, int commands) {}

    /**
     * Closed-loop clients for a duration: each sends its next request as soon as the last one answered.
     * Counts the commands of every 2xx and the latency of each request.
     *
     * @param clientOf for client {@code i}, where its next request comes from
     */
    private Phase clients(int clients, Duration duration, IntFunction<Supplier<Sent>> clientOf) throws Exception {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong commands = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int client = 0; client < clients; client++) {
            Supplier<Sent> next = clientOf.apply(client);
            Thread.ofPlatform().start(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        Sent sent = next.get();
                        long sentAt = System.nanoTime();
                        HttpResponse<String> answer = http.send(sent.request(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() / 100 == 2) {
                            mine.add(System.nanoTime() - sentAt);
                            commands.addAndGet(sent.commands());
                        } else {
                            refused.incrementAndGet();
                            System.err.println("refused: " + answer.statusCode() + " " + answer.body());
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                    done.countDown();
                }
            });
        }
        done.await();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Phase(commands.get(), (System.nanoTime() - start) / 1e9, all, refused.get());
    }

    /**
     * RecordQuarterlyProgress sent at a steady rate (open loop, asynchronously); for one in ten, the time from
     * its 2xx until the statewide comparison of its FFY answers with it ({@code minPosition}, no polling).
     */
    private Phase steadyLag(Duration duration, int perSecond) throws Exception {
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        Semaphore window = new Semaphore(256); // bounded: a slow service slows the sender
        String analyst = tokens.analyst();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (long n = 0; ; n++) {
            long due = start + n * interval;
            if (due - start >= duration.toNanos()) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // the open loop's schedule
            }
            Plan plan = plans.get((int) (n % plans.size()));
            boolean sampled = n % 10 == 0;
            window.acquire();
            inFlight.incrementAndGet();
            sent.incrementAndGet();
            Runnable done = () -> {
                inFlight.decrementAndGet();
                window.release();
            };
            http.sendAsync(recordProgress(plan), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> {
                        long answeredAt = System.nanoTime();
                        boolean reading = false;
                        try {
                            if (failure != null || answer.statusCode() / 100 != 2) {
                                refused.incrementAndGet();
                                return;
                            }
                            if (!sampled) {
                                return;
                            }
                            long position =
                                    JSON.readTree(answer.body()).get("position").asLong();
                            http.sendAsync(
                                            request(
                                                    "GET",
                                                    queryUrl + "/api/v1/cycles/" + plan.ffy()
                                                            + "/indicators/SPM-2/comparison?minPosition=" + position,
                                                    analyst,
                                                    null,
                                                    null),
                                            HttpResponse.BodyHandlers.discarding())
                                    .whenComplete((read, readFailure) -> {
                                        if (readFailure == null && read.statusCode() == 200) {
                                            lags.add(System.nanoTime() - answeredAt);
                                        } else {
                                            refused.incrementAndGet();
                                        }
                                        done.run();
                                    });
                            reading = true;
                        } catch (RuntimeException e) {
                            refused.incrementAndGet(); // counted, and its place in the window given back: the phase
                            // goes on
                        } finally {
                            if (!reading) {
                                done.run();
                            }
                        }
                    });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long giveUp = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // the last answers (each times out at the latest)
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(sent.get(), seconds, sorted, refused.get());
    }

    /**
     * Every path the phases take, until the JIT has compiled them ({@code -Dbench.warmup=SECONDS}, default 60): with 2
     * cores, C2 shares the CPU with the load, and a service still running profiled tier-3 code measures its compiler.
     * Two thirds closed-loop commands, one sixth bulk requests, one sixth steady commands with comparison reads.
     */
    private void warmUp(Duration duration) throws Exception {
        long start = System.nanoTime();
        Phase commands = closedLoop(duration.multipliedBy(2).dividedBy(3));
        bulk(duration.dividedBy(6), 500);
        awaitQuerySide();
        steadyLag(duration.dividedBy(6), (int) Math.min(1000, Math.max(10, 0.5 * commands.perSecond())));
        System.out.printf(
                "warm-up: %.0f s, %,.0f commands/s in its closed loop%n",
                (System.nanoTime() - start) / 1e9, commands.perSecond());
    }

    /** Until the statewide comparison reflects every event written so far (a backlog drains first). */
    private void awaitQuerySide() {
        String analyst = tokens.analyst();
        Plan last = plans.getLast();
        long latest = expect(
                        send(
                                "POST",
                                commandUrl + "/api/v1/plans/" + last.id() + "/tactics",
                                app,
                                "{\"entryId\":\"" + last.entryId()
                                        + "\",\"title\":\"Drain marker\",\"leads\":[\"Bench\"],\"projectedCompletion\":\""
                                        + last.ffy() + "-09-30\",\"initiative\":\"1\"}",
                                last.ffy() + "-07-15T17:00:00Z"),
                        201)
                .get("position")
                .asLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) { // each read waits up to 5 s for the position, then answers 503
            HttpResponse<String> read = send(
                    "GET",
                    queryUrl + "/api/v1/cycles/" + last.ffy() + "/indicators/SPM-2/comparison?minPosition=" + latest,
                    analyst,
                    null,
                    null);
            if (read.statusCode() == 200) {
                return;
            }
        }
    }

    // --- HTTP ----------------------------------------------------------------------------------------

    private static HttpRequest request(String method, String url, String token, String body, String demoInstant) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (demoInstant != null) {
            request.header("X-Demo-Instant", demoInstant);
        }
        return request.build();
    }

    private HttpResponse<String> send(String method, String url, String token, String body, String demoInstant) {
        try {
            return http.send(request(method, url, token, body, demoInstant), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " "
                    + answer.request().uri() + " -> " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static void inParallel(List<Runnable> work) throws InterruptedException {
        List<Runnable> shuffled = new ArrayList<>(work);
        Collections.shuffle(shuffled);
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> futures = new ArrayList<>();
            shuffled.forEach(task -> futures.add(pool.submit(task)));
            for (var future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}

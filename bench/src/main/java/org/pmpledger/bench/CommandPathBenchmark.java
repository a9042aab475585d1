package org.pmpledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * The command path's speed, in one run on this machine, next to what bounds it and to a real peer:
 * <ul>
 *   <li>raw PostgreSQL: single-row INSERT + COMMIT of the command service's event row into its event store (table,
 *       triggers and hash chain from its migrations) through a pool of its size from 16 clients, and 100-row batched
 *       INSERTs of the same rows from 4;</li>
 *   <li>raw HTTP + commit: the same requests from the same clients to the smallest server that parses them and commits
 *       one event row each (bench-peers, {@code -Dpeer=raw});</li>
 *   <li>stock Axon: the same requests, decided by the same rules on the same plans, on {@code axon-spring-boot-starter}'s
 *       defaults (bench-peers);</li>
 *   <li>P1: HTTP commands/s, 16 closed-loop clients sending RecordQuarterlyProgress and AddTactic, each mostly on its
 *       own plans, one in ten on 4 plans every client shares, with tokens of 147 callers; its latency open-loop at 80 %
 *       of its rate, from each request's scheduled send;</li>
 *   <li>P3: bulk ingest through {@code POST /api/v1/progress-batches} (500 recordings per request);</li>
 *   <li>P5 and P5 light: command-to-query lag at 80 % and a tenth of P1, open loop: from a RecordQuarterlyProgress's 2xx
 *       until the statewide comparison answers with it ({@code minPosition}); late and failed reads count;</li>
 *   <li>P7: both services' start-up time and their highest resident memory under load.</li>
 * </ul>
 * The compared measures run in {@value #ROUNDS} interleaved rounds (each round in the order opposite to the one before,
 * the query side caught up before every measure: {@link CommandPathRun}) and every ratio is the median of its rounds'.
 * Every server runs from its jar as a process of its own with the services' JVM options (infra/service-jvm.options) and
 * is warmed up as long; Kafka is an in-process KRaft broker in this JVM, next to the load generator.
 * <pre>infra/bench [SECONDS per phase, default 20]</pre>
 */
public final class CommandPathBenchmark {

    private final LedgerHttp http = new LedgerHttp();
    /** Rounds of each compared measure; every ratio is the median of its rounds' ratios. */
    static final int ROUNDS = 3;

    static final String RAW_ROWS = "raw single-row";
    static final String RAW_HTTP = "raw HTTP + commit";
    static final String STOCK = "stock Axon";
    static final String RAW_BATCHED = "raw batched";

    private final TestTokens tokens = TestTokens.inNewKeyDirectory();
    private final String app = tokens.token("bench-app", List.of("SERVICE", "STATE_ADMIN"), "*", null);

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
        Path root = Path.of(System.getProperty("pmp.root", ".."));
        Path logs = root.resolve("bench/target/service-logs");
        System.setProperty("pmp.logs", logs.toString());
        String kafka = TestKafka.bootstrapServers();
        String topic = "pmp.bench-commands-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database eventStore = TestPostgres.newDatabase("pmp_bench_command");
        TestPostgres.Database rawRowsStore = TestPostgres.newDatabase("pmp_bench_raw_rows");
        TestPostgres.Database rawHttpStore = TestPostgres.newDatabase("pmp_bench_raw_http");
        PostgresLimits.migrated(rawRowsStore, root);
        PostgresLimits.migrated(rawHttpStore, root);
        Map<String, String> commandProperties =
                ServiceProperties.localProperties(eventStore, kafka, tokens, Map.of("pmp.publication.topic", topic));
        Map<String, String> queryProperties = ServiceProperties.localProperties(
                TestPostgres.newDatabase("pmp_bench_query"),
                kafka,
                tokens,
                Map.of("spring.kafka.consumer.group-id", "bench-" + topic, "pmp.intake.topic", topic));
        ServiceLaunch launch = new ServiceLaunch(root);
        Path commandJar = launch.extracted("command-service");
        Path queryJar = launch.extracted("query-service");
        Path commandAot = launch.trainedAotCache(
                "command-service",
                commandJar,
                ServiceProperties.withDatabase(commandProperties, "pmp_bench_train_command"));
        Path queryAot = launch.trainedAotCache(
                "query-service", queryJar, ServiceProperties.withDatabase(queryProperties, "pmp_bench_train_query"));
        String compared = System.getProperty("bench.compare", "").strip();
        try (HikariDataSource rawStore = PostgresLimits.pool(rawRowsStore);
                RunningService command = launch.start("command-service", commandJar, commandAot, commandProperties);
                RunningService query = launch.start("query-service", queryJar, queryAot, queryProperties);
                RunningService raw = launch.peer("raw", ServiceProperties.withDatabase(Map.of(), rawHttpStore));
                RunningService stock =
                        launch.peer("stock", ServiceProperties.withDatabase(Map.of(), "pmp_bench_stock"));
                Compared other = Compared.started(
                        compared, launch, commandJar, commandAot, queryJar, queryAot, kafka, tokens, topic);
                TopicArrivals arrivals = TopicArrivals.on(kafka, topic)) {
            BenchPlans plans = new BenchPlans(http, tokens, app);
            Callers callers = new Callers(tokens);
            LoadPhases load = new LoadPhases(http, tokens, callers, app, query.baseUrl(), arrivals);
            BenchTarget ours = new BenchTarget(command, query, plans.approved(command.baseUrl()));
            System.out.printf("set up %d approved plans%n", ours.plans().size());
            System.out.printf(
                    "stock peer seeded with %d plans%n", StockSeed.seed(eventStore, http, app, stock.baseUrl()));
            BenchTarget comparedTarget = other.target(plans);
            if (comparedTarget != null) {
                load.use(comparedTarget.service().baseUrl(), comparedTarget.plans());
                load.closedLoop(warmUp());
            }
            HighestRss rss = HighestRss.sampling(command, query);
            PhaseCosts costs = new PhaseCosts(
                    new CpuUse(Map.of(
                            command.name(),
                            command.pid(),
                            query.name(),
                            query.pid(),
                            "raw HTTP server",
                            raw.pid(),
                            "stock Axon",
                            stock.pid())),
                    http,
                    app,
                    command.baseUrl());
            CommandPathRun measures = new CommandPathRun(
                    load, costs, new PhaseProfile(root), ours, ours.peer(raw), ours.peer(stock), rawStore, phase);
            CommandPathMeasures m = new CommandPathMeasures();
            measures.warmUp(warmUp());
            measures.comparedRounds(m);
            measures.openLoop(m);
            String sideBySide =
                    comparedTarget == null ? "" : "\n" + sideBySide(load, phase, ours, comparedTarget, compared);
            measures.bulkRounds(m);
            measures.lags(m);
            rss.stop();
            ChainLinks chain = ChainLinks.in(eventStore);
            System.out.printf(
                    "hash chain after the run: %,d events, %,d broken links; %d callers sent commands%n",
                    chain.events(), chain.broken(), callers.count());
            m.starts(
                    StartupTimes.of(launch, "command-service", commandJar, commandAot, commandProperties),
                    StartupTimes.of(launch, "query-service", queryJar, queryAot, queryProperties));
            String table = BenchReport.table(m, rss, chain, ServiceFailures.in(command, query))
                    + "\n"
                    + BenchReport.cpuTable(costs, m.byMeasure())
                    + sideBySide;
            System.out.println();
            System.out.println(table);
            Files.writeString(root.resolve("bench/target/command-path.md"), table);
        }
        return 0;
    }

    /** The warm-up of every server on the paths its measures take ({@code -Dbench.warmup=SECONDS}, default 60). */
    private static Duration warmUp() {
        return Duration.ofSeconds(Long.getLong("bench.warmup", 60));
    }

    /**
     * P1 side by side ({@code -Dbench.compare="--key=value ..."}): the command service as configured (A) and a second one
     * started with those settings (B), each with its own event store, plans and query service, loaded in turn in eight
     * windows (A B B A A B B A), so that the machine's drift during the run weighs on both alike. Answers the comparison
     * as a table.
     */
    private static String sideBySide(LoadPhases load, Duration phase, BenchTarget a, BenchTarget b, String settings)
            throws Exception {
        Duration window = Duration.ofMillis(Math.max(5_000, phase.toMillis() / 4));
        Map<BenchTarget, List<Phase>> phases = new IdentityHashMap<>();
        Map<BenchTarget, List<CpuUse.Used>> cpu = new IdentityHashMap<>();
        for (BenchTarget target : List.of(a, b, b, a, a, b, b, a)) {
            load.use(target.service().baseUrl(), target.plans());
            CpuUse use = new CpuUse(Map.of(
                    "command-service",
                    target.service().pid(),
                    "query-service",
                    target.query().pid()));
            CpuUse.Snapshot before = use.take();
            phases.computeIfAbsent(target, t -> new ArrayList<>()).add(load.closedLoop(window));
            cpu.computeIfAbsent(target, t -> new ArrayList<>()).add(CpuUse.between(before, use.take()));
        }
        load.use(a.service().baseUrl(), a.plans());
        String table = BenchReport.sideBySide(
                settings, Phase.merged(phases.get(a)), Phase.merged(phases.get(b)), cpu.get(a), cpu.get(b));
        System.out.print(table);
        return table;
    }
}

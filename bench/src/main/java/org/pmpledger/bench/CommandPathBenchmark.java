package org.pmpledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;

import org.pmpledger.bench.BenchPlans.Plan;
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
 * The compared measures run in {@value #ROUNDS} interleaved rounds and every ratio is the median of its rounds'. Every
 * server runs from its jar as a process of its own with the services' JVM options (infra/service-jvm.options); Kafka is
 * an in-process KRaft broker in this JVM, next to the load generator.
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

    /** P3's clients, and the raw batched inserts' next to it. */
    private static final int BULK_CLIENTS = 4;

    private final TestTokens tokens = TestTokens.inNewKeyDirectory();
    private final String app = tokens.token("bench-app", List.of("SERVICE", "STATE_ADMIN"), "*", null);

    /** A command service under load, the query service projecting its events, and its approved plans. */
    private record Target(RunningService service, RunningService query, List<Plan> plans) {}

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
        System.setProperty("pmp.logs", root.resolve("bench/target/service-logs").toString());
        String kafka = TestKafka.bootstrapServers();
        String topic = "pmp.bench-commands-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database eventStore = TestPostgres.newDatabase("pmp_bench_command");
        TestPostgres.Database projections = TestPostgres.newDatabase("pmp_bench_query");
        TestPostgres.Database rawHttpStore = TestPostgres.newDatabase("pmp_bench_raw_http");
        PostgresLimits.eventStore(rawHttpStore, root).close(); // the raw server writes the service's event rows
        Map<String, String> commandProperties =
                ServiceProperties.localProperties(eventStore, kafka, tokens, Map.of("pmp.publication.topic", topic));
        Map<String, String> queryProperties = ServiceProperties.localProperties(
                projections,
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
        try (HikariDataSource rawStore =
                        PostgresLimits.eventStore(TestPostgres.newDatabase("pmp_bench_raw_rows"), root);
                RunningService command = launch.start("command-service", commandJar, commandAot, commandProperties);
                RunningService query = launch.start("query-service", queryJar, queryAot, queryProperties);
                RunningService raw =
                        launch.peer("raw", ServiceProperties.withDatabase(Map.<String, String>of(), rawHttpStore));
                RunningService stock = launch.peer(
                        "stock", ServiceProperties.withDatabase(Map.<String, String>of(), "pmp_bench_stock"));
                RunningService other = compared.isEmpty()
                        ? null
                        : launch.start(
                                "command-service-compared",
                                commandJar,
                                commandAot,
                                ServiceProperties.withSettings(
                                        ServiceProperties.localProperties(
                                                TestPostgres.newDatabase("pmp_bench_compared"),
                                                kafka,
                                                tokens,
                                                Map.of("pmp.publication.topic", topic + "-compared")),
                                        compared));
                // the compared command service's events are projected too, by a query service of its own: both stacks
                // alike
                RunningService otherQuery = compared.isEmpty()
                        ? null
                        : launch.start(
                                "query-service-compared",
                                queryJar,
                                queryAot,
                                ServiceProperties.localProperties(
                                        TestPostgres.newDatabase("pmp_bench_compared_query"),
                                        kafka,
                                        tokens,
                                        Map.of(
                                                "spring.kafka.consumer.group-id",
                                                "bench-" + topic + "-compared",
                                                "pmp.intake.topic",
                                                topic + "-compared")))) {
            BenchPlans plans = new BenchPlans(http, tokens, app);
            Callers callers = new Callers(tokens);
            TopicArrivals arrivals = TopicArrivals.on(kafka, topic);
            LoadPhases load = new LoadPhases(http, tokens, callers, app, query.baseUrl(), arrivals);
            Target configured = new Target(command, query, plans.approved(command.baseUrl()));
            System.out.printf("set up %d approved plans%n", configured.plans().size());
            System.out.printf(
                    "stock peer seeded with %d plans%n", StockSeed.seed(eventStore, http, app, stock.baseUrl()));
            Target rawTarget = new Target(raw, query, elsewhere(configured.plans()));
            Target stockTarget = new Target(stock, query, elsewhere(configured.plans()));
            Target comparedTarget = null;
            if (other != null) {
                comparedTarget = new Target(other, otherQuery, plans.approved(other.baseUrl()));
                use(load, comparedTarget);
                load.closedLoop(warmUp().multipliedBy(2).dividedBy(3));
            }
            HighestRss rss = HighestRss.sampling(command, query);
            use(load, configured);
            load.warmUp(warmUp());
            for (Target peer : List.of(rawTarget, stockTarget)) {
                use(load, peer);
                load.closedLoop(warmUp().dividedBy(3));
            }
            PostgresLimits.singleRowCommits(rawStore, warmUp().dividedBy(6), LoadPhases.CLIENTS);
            PhaseProfile profile = new PhaseProfile(root);
            List<RunningService> services = List.of(command, query);
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
            CommandPathMeasures m = new CommandPathMeasures();
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.printf("round %d of %d%n", round, ROUNDS);
                m.rawRows()
                        .add(costs.measured(
                                RAW_ROWS,
                                () -> rows(
                                        phase,
                                        () -> PostgresLimits.singleRowCommits(rawStore, phase, LoadPhases.CLIENTS))));
                use(load, rawTarget);
                m.rawHttp().add(costs.measured(RAW_HTTP, () -> load.closedLoop(phase)));
                use(load, stockTarget);
                m.stock().add(costs.measured(STOCK, () -> load.closedLoop(phase)));
                use(load, configured);
                m.p1().add(costs.measured("P1", () -> profile.during("p1", services, () -> load.closedLoop(phase))));
            }
            int openRate = (int) Math.max(10, 0.8 * m.p1().medianRate());
            m.p1Open(costs.measured("P1 open loop", () -> load.openLoop(phase, openRate)), openRate);
            String sideBySide =
                    comparedTarget == null ? "" : "\n" + sideBySide(load, phase, configured, comparedTarget, compared);
            for (int round = 1; round <= ROUNDS; round++) {
                m.rawBatched()
                        .add(costs.measured(
                                RAW_BATCHED,
                                () -> rows(phase, () -> PostgresLimits.batchedInserts(rawStore, phase, BULK_CLIENTS))));
                m.p3().add(costs.measured("P3", () -> profile.during("p3", services, () -> load.bulk(phase, 500))));
            }
            load.awaitQuerySide(); // P5 measures lag, not the backlog P3 left
            int heavy = (int) Math.max(10, 0.8 * m.p1().medianRate());
            FixedRateLoad.Lag[] lag = new FixedRateLoad.Lag[1];
            costs.measured(
                    "P5", () -> (lag[0] = profile.during("p5", services, () -> load.steadyLag(phase, heavy))).toRead());
            m.p5(lag[0], heavy);
            load.awaitQuerySide();
            int light = (int) Math.max(5, 0.1 * m.p1().medianRate());
            costs.measured("P5 light", () -> (lag[0] = load.steadyLag(phase, light)).toRead());
            m.p5light(lag[0], light);
            rss.stop();
            arrivals.close();
            ChainLinks chain = ChainLinks.in(eventStore);
            System.out.printf(
                    "hash chain after the run: %,d events, %,d broken links; %d callers sent commands%n",
                    chain.events(), chain.broken(), callers.count());
            m.starts(
                    StartupTimes.of(launch, "command-service", commandJar, commandAot, commandProperties),
                    StartupTimes.of(launch, "query-service", queryJar, queryAot, queryProperties));
            String table =
                    BenchReport.table(m, rss, chain) + "\n" + BenchReport.cpuTable(costs, m.byMeasure()) + sideBySide;
            System.out.println();
            System.out.println(table);
            Files.writeString(root.resolve("bench/target/command-path.md"), table);
        }
        return 0;
    }

    /** The warm-up of the services on every path the phases take ({@code -Dbench.warmup=SECONDS}, default 60). */
    private static Duration warmUp() {
        return Duration.ofSeconds(Long.getLong("bench.warmup", 60));
    }

    /** The plans as a peer holds them: the same ids, nothing recorded there yet. */
    private static List<Plan> elsewhere(List<Plan> plans) {
        return plans.stream().map(Plan::elsewhere).toList();
    }

    /** A raw PostgreSQL measure (rows per second over {@code phase}) as a phase of rows. */
    private static Phase rows(Duration phase, Callable<Double> rate) throws Exception {
        long start = System.nanoTime();
        double perSecond = rate.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(Math.round(perSecond * seconds), seconds, new long[0], 0, 0);
    }

    /** The phases' commands go to {@code target}. */
    private static void use(LoadPhases load, Target target) {
        load.use(target.service().baseUrl(), target.plans());
    }

    /**
     * P1 side by side ({@code -Dbench.compare="--key=value ..."}): the command service as configured (A) and a second one
     * started with those settings (B), each with its own event store, plans and query service, loaded in turn in eight
     * windows (A B B A A B B A), so that the machine's drift during the run weighs on both alike. Answers the comparison
     * as a table.
     */
    private static String sideBySide(LoadPhases load, Duration phase, Target a, Target b, String settings)
            throws Exception {
        Duration window = Duration.ofMillis(Math.max(5_000, phase.toMillis() / 4));
        Map<Target, List<Phase>> phases = new IdentityHashMap<>();
        Map<Target, List<CpuUse.Used>> cpu = new IdentityHashMap<>();
        for (Target target : List.of(a, b, b, a, a, b, b, a)) {
            use(load, target);
            CpuUse use = new CpuUse(Map.of(
                    "command-service",
                    target.service().pid(),
                    "query-service",
                    target.query().pid()));
            CpuUse.Snapshot before = use.take();
            phases.computeIfAbsent(target, t -> new ArrayList<>()).add(load.closedLoop(window));
            cpu.computeIfAbsent(target, t -> new ArrayList<>()).add(CpuUse.between(before, use.take()));
        }
        use(load, a);
        String table = BenchReport.sideBySide(
                settings, Phase.merged(phases.get(a)), Phase.merged(phases.get(b)), cpu.get(a), cpu.get(b));
        System.out.print(table);
        return table;
    }
}

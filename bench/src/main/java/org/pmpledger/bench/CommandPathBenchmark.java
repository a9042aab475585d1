package org.pmpledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pmpledger.bench.BenchPlans.Plan;
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

    private final LedgerHttp http = new LedgerHttp();
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
        CpuUse rawCpu = new CpuUse(Map.of());
        CpuUse.Snapshot beforeRaw = rawCpu.take();
        double rawSingle = PostgresLimits.rawSingleRowCommitRate(
                TestPostgres.newDatabase("pmp_bench_raw1"), phase, LoadPhases.CLIENTS);
        CpuUse.Used rawUsed = CpuUse.between(beforeRaw, rawCpu.take());
        System.out.printf(
                "raw PostgreSQL single-row INSERT+COMMIT, %d connections: %,.0f rows/s%n",
                LoadPhases.CLIENTS, rawSingle);
        double rawBatched = PostgresLimits.rawBatchedInsertRate(TestPostgres.newDatabase("pmp_bench_raw100"));
        System.out.printf("raw PostgreSQL 100-row batched INSERTs: %,.0f rows/s%n", rawBatched);

        String kafka = TestKafka.bootstrapServers();
        String topic = "pmp.bench-commands-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database eventStore = TestPostgres.newDatabase("pmp_bench_command");
        TestPostgres.Database projections = TestPostgres.newDatabase("pmp_bench_query");
        Path root = Path.of(System.getProperty("pmp.root", ".."));
        System.setProperty("pmp.logs", root.resolve("bench/target/service-logs").toString());
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
        try (RunningService command = launch.start("command-service", commandJar, commandAot, commandProperties);
                RunningService query = launch.start("query-service", queryJar, queryAot, queryProperties);
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
            System.out.printf(
                    "started: command-service %d ms, query-service %d ms%n",
                    command.startup().toMillis(), query.startup().toMillis());
            BenchPlans plans = new BenchPlans(http, tokens, app);
            LoadPhases load = new LoadPhases(http, tokens, app, query.baseUrl());
            Target configured = new Target(command, query, plans.approved(command.baseUrl()));
            System.out.printf("set up %d approved plans%n", configured.plans().size());
            Target comparedTarget = null;
            if (other != null) {
                comparedTarget = new Target(other, otherQuery, plans.approved(other.baseUrl()));
                use(load, comparedTarget);
                load.closedLoop(Duration.ofSeconds(Long.getLong("bench.warmup", 60))
                        .multipliedBy(2)
                        .dividedBy(3));
            }
            use(load, configured);

            HighestRss rss = HighestRss.sampling(command, query);
            load.warmUp(Duration.ofSeconds(Long.getLong("bench.warmup", 60)));
            PhaseProfile profile = new PhaseProfile(root);
            List<RunningService> services = List.of(command, query);
            PhaseCosts costs = new PhaseCosts(
                    new CpuUse(Map.of(command.name(), command.pid(), query.name(), query.pid())),
                    http,
                    app,
                    command.baseUrl());
            costs.add("raw single-row", rawUsed);
            Phase p1 = costs.measured("P1", () -> profile.during("p1", services, () -> load.closedLoop(phase)));
            System.out.printf(
                    "P1: %,.0f commands/s, p50 %.1f ms, p99 %.1f ms (%d refused)%n",
                    p1.perSecond(), p1.percentileMillis(0.5), p1.percentileMillis(0.99), p1.refused());
            String sideBySide =
                    comparedTarget == null ? "" : "\n" + sideBySide(load, phase, configured, comparedTarget, compared);
            Phase p3 = costs.measured("P3", () -> profile.during("p3", services, () -> load.bulk(phase, 500)));
            System.out.printf(
                    "P3: %,.0f events/s in batches of 500, p50 %.0f ms per batch%n",
                    p3.perSecond(), p3.percentileMillis(0.5));
            load.awaitQuerySide(); // P5 measures lag, not the backlog P3 left
            // 1,000 commands/s when the service sustains it; else 80 % of what P1 measured, so the queue stays bounded
            int rate = (int) Math.min(1000, Math.max(10, 0.8 * p1.perSecond()));
            Phase p5 = costs.measured("P5", () -> profile.during("p5", services, () -> load.steadyLag(phase, rate)));
            System.out.printf(
                    "P5: %,.0f commands/s sent, lag p50 %.1f ms, p99 %.1f ms%n",
                    p5.perSecond(), p5.percentileMillis(0.5), p5.percentileMillis(0.99));
            load.awaitQuerySide();
            // the pipeline's own lag, with the machine far from saturated: a tenth of what P1 measured
            Phase p5light = load.steadyLag(phase, (int) Math.max(5, 0.1 * p1.perSecond()));
            System.out.printf(
                    "P5 light: %,.0f commands/s sent, lag p50 %.1f ms, p99 %.1f ms%n",
                    p5light.perSecond(), p5light.percentileMillis(0.5), p5light.percentileMillis(0.99));
            rss.stop();
            ChainLinks chain = ChainLinks.in(eventStore);
            System.out.printf(
                    "hash chain after the run: %,d events, %,d broken links%n", chain.events(), chain.broken());

            String table = BenchReport.table(rawSingle, rawBatched, p1, p3, p5, p5light, command, query, rss, chain)
                    + "\n"
                    + BenchReport.cpuTable(
                            costs,
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

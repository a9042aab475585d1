package org.pmpledger.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.pmpledger.query.rebuild.RebuildStatus;
import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * The read side's speed, in one run on this machine: puts EVENTS (default 1,000,000) realistic plan events on a topic, starts
 * query-service from its jar as a process with the services' JVM options (infra/service-jvm.options) and an AOT cache,
 * lets it fold them (the first build), then rebuilds every projection from the start of the topic over HTTP in
 * {@value CommandPathBenchmark#ROUNDS} rounds, each next to PostgreSQL's own rate of 100-row batched inserts of
 * event-shaped rows taken just before it; reports the median ratio, the CPU per event of each part of the box, and the
 * statewide comparison's latency.
 * <pre>infra/bench-rebuild [events]</pre>
 */
public final class RebuildBenchmark {

    /** How long each round's raw batched inserts run (after a fifth as long unmeasured). */
    private static final Duration RAW_DURATION = Duration.ofSeconds(10);

    private RebuildBenchmark() {}

    public static void main(String[] args) {
        int exit = 1;
        try {
            exit = run(args);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(exit); // the in-process broker's threads would keep the JVM alive
        }
    }

    private static int run(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path root = Path.of(System.getProperty("pmp.root", ".."));
        System.setProperty("pmp.logs", root.resolve("bench/target/service-logs").toString());
        String kafka = TestKafka.bootstrapServers();
        String topic = "pmp.bench-" + UUID.randomUUID().toString().substring(0, 8);
        long published = EventTopic.publish(kafka, topic, target);
        System.out.printf("published %,d events to %s%n", published, topic);

        TestTokens tokens = TestTokens.inNewKeyDirectory();
        Map<String, String> properties = ServiceProperties.localProperties(
                TestPostgres.newDatabase("pmp_bench"),
                kafka,
                tokens,
                Map.of("spring.kafka.consumer.group-id", "bench-live", "pmp.intake.topic", topic));
        ServiceLaunch launch = new ServiceLaunch(root);
        Path jar = launch.extracted("query-service");
        Path aot = launch.trainedAotCache(
                "query-service", jar, ServiceProperties.withDatabase(properties, "pmp_bench_train_query"));
        HttpClient http = HttpClient.newHttpClient();
        String analyst = tokens.analyst();
        String admin = tokens.stateAdmin();
        long startedAt = System.nanoTime();
        try (RunningService query = launch.start("query-service", jar, aot, properties)) {
            awaitPosition(http, query.baseUrl(), analyst, published);
            double firstBuild = published / ((System.nanoTime() - startedAt) / 1e9);
            System.out.printf("first build (service start included): %,.0f events/s%n", firstBuild);

            CpuUse cpu = new CpuUse(Map.of(query.name(), query.pid()));
            Rounds raw = new Rounds();
            Rounds rebuilds = new Rounds();
            CpuUse.Used used = null;
            for (int round = 1; round <= CommandPathBenchmark.ROUNDS; round++) {
                raw.add(PostgresLimits.rawBatchedInserts(TestPostgres.newDatabase("pmp_bench_raw"), RAW_DURATION));
                CpuUse.Snapshot before = cpu.take();
                Phase rebuild = new PhaseProfile(root)
                        .during("rebuild", List.of(query), () -> rebuild(http, query.baseUrl(), admin));
                CpuUse.Used roundUse = CpuUse.between(before, cpu.take());
                used = used == null ? roundUse : used.plus(roundUse);
                rebuilds.add(rebuild);
                System.out.printf(
                        "round %d: raw batched %,.0f rows/s, rebuild %,.0f events/s%n",
                        round, raw.phases().getLast().perSecond(), rebuild.perSecond());
            }
            long[] latencies = comparisonLatencies(http, query.baseUrl(), analyst, 300);
            Phase all = rebuilds.merged();
            StringBuilder t = new StringBuilder();
            t.append("| measure (median of %d rounds; each round) | value |%n|---|---|%n"
                    .formatted(CommandPathBenchmark.ROUNDS));
            t.append(String.format("| events on the topic | %,d |%n", published));
            t.append(String.format(
                    "| raw PostgreSQL: 100-row batched INSERTs of event-sized rows into a table with only a primary key, one connection, %d s after %d s unmeasured | %,.0f rows/s (%s) |%n",
                    RAW_DURATION.toSeconds(), RAW_DURATION.toSeconds() / 5, raw.medianRate(), raw.rates()));
            t.append(String.format("| first build, service start included | %,.0f events/s |%n", firstBuild));
            t.append(String.format(
                    "| rebuild into shadow tables + switch | %,.0f events/s (%s), %.2f× raw batched |%n",
                    rebuilds.medianRate(), rebuilds.rates(), rebuilds.medianRatioTo(raw)));
            t.append(String.format(
                    "| comparison query p50 / p99 (%d requests one after another, %d agencies with plans) | %.1f ms / %.1f ms |%n",
                    latencies.length,
                    PlanLives.AGENCIES,
                    Phase.percentileMillis(latencies, 0.5),
                    Phase.percentileMillis(latencies, 0.99)));
            t.append("\n| CPU µs per event folded in the rebuilds | |\n|---|---|\n");
            for (Map.Entry<String, Double> part : used.seconds().entrySet()) {
                t.append(String.format("| %s | %.1f |%n", part.getKey(), part.getValue() * 1e6 / all.commands()));
            }
            t.append(String.format(
                    "| **all of the box** | **%.1f** |%n| cores busy (of %d) | %.2f |%n",
                    used.machine() * 1e6 / all.commands(),
                    Runtime.getRuntime().availableProcessors(),
                    used.machine() / all.seconds()));
            System.out.println();
            System.out.println(t);
            Files.writeString(root.resolve("bench/target/rebuild.md"), t);
        }
        return 0;
    }

    /** One rebuild over HTTP, as an operator starts it, until it is done: its events and seconds. */
    private static Phase rebuild(HttpClient http, String url, String admin) throws Exception {
        HttpRequest start = LedgerHttp.authorized(url + "/api/v1/admin/rebuild", admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        JsonNode status = LedgerHttp.expect(http.send(start, HttpResponse.BodyHandlers.ofString()), 202);
        HttpRequest progress =
                LedgerHttp.authorized(url + "/api/v1/admin/rebuild", admin).build();
        while (RebuildStatus.State.valueOf(status.get("state").asString()).underWay()) {
            Thread.sleep(500);
            status = LedgerHttp.expect(http.send(progress, HttpResponse.BodyHandlers.ofString()), 200);
        }
        if (!"DONE".equals(status.get("state").asString())) {
            throw new IllegalStateException("rebuild ended " + status);
        }
        double seconds = Duration.between(
                                Instant.parse(status.get("startedAt").asString()),
                                Instant.parse(status.get("finishedAt").asString()))
                        .toNanos()
                / 1e9;
        return Phase.rows(status.get("eventsApplied").asLong(), seconds);
    }

    /** Until the plans of the first FFY's first agency reflect {@code position}: the first build has folded every event. */
    private static void awaitPosition(HttpClient http, String url, String token, long position) throws Exception {
        HttpRequest request = LedgerHttp.authorized(
                        url + "/api/v1/plans?ffy=" + PlanLives.FIRST_FFY + "&lcsa=A0", token)
                .build();
        while (true) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("plans answered " + answer.statusCode() + ": " + answer.body());
            }
            if (LedgerHttp.JSON
                            .readTree(answer.body())
                            .get("reflects")
                            .get("position")
                            .asLong()
                    >= position) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** The latencies, sorted, of statewide comparisons over ten FFYs and every indicator, each answered with data. */
    private static long[] comparisonLatencies(HttpClient http, String url, String token, int requests)
            throws Exception {
        long[] latencies = new long[requests];
        for (int i = 0; i < requests; i++) {
            HttpRequest request = LedgerHttp.authorized(
                            url + "/api/v1/cycles/" + (PlanLives.FIRST_FFY + i % 10)
                                    + "/indicators/" + PlanLives.INDICATORS.get(i % PlanLives.INDICATORS.size())
                                    + "/comparison",
                            token)
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("comparison answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode body = LedgerHttp.JSON.readTree(answer.body());
            if (body.get("statewide").get("reporting").asInt() == 0) {
                throw new IllegalStateException("comparison without data: " + answer.body());
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }
}

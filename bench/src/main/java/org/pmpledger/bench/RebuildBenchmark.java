package org.pmpledger.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import org.pmpledger.query.QueryServiceApplication;
import org.pmpledger.query.rebuild.Rebuild;
import org.pmpledger.query.rebuild.RebuildStatus;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * The read side's speed, in one run on this machine: puts ≥ 1,000,000 realistic plan events on a
 * topic, lets query-service fold them (the first build), rebuilds every projection from the start
 * of the topic, and times the statewide comparison; next to it, PostgreSQL's own rate of 100-row
 * batched inserts of event-shaped rows, taken in the same run.
 * <pre>infra/bench-rebuild [events]</pre>
 */
public final class RebuildBenchmark {

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
        System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        TestPostgres.Database database = TestPostgres.newDatabase("pmp_bench");
        String kafka = TestKafka.bootstrapServers();
        String topic = "pmp.bench-" + UUID.randomUUID().toString().substring(0, 8);

        double rawRowsPerSecond = PostgresLimits.rawBatchedInsertRate(TestPostgres.newDatabase("pmp_bench_raw"));
        System.out.printf("PostgreSQL 100-row batched inserts: %,.0f rows/s%n", rawRowsPerSecond);

        long published = EventTopic.publish(kafka, topic, target);
        System.out.printf("published %,d events to %s%n", published, topic);

        TestTokens tokens = TestTokens.inNewKeyDirectory();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(ServiceProperties.arguments(ServiceProperties.properties(
                database,
                kafka,
                tokens,
                Map.of("spring.kafka.consumer.group-id", "bench-live", "pmp.intake.topic", topic))));
        long startedAt = System.nanoTime();
        ConfigurableApplicationContext query =
                new SpringApplicationBuilder(QueryServiceApplication.class).run(arguments.toArray(String[]::new));
        int port = Integer.parseInt(query.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newHttpClient();
        String analyst = tokens.analyst();
        awaitPosition(http, port, analyst, published);
        double firstBuild = published / ((System.nanoTime() - startedAt) / 1e9);
        System.out.printf("first build (service start included): %,.0f events/s%n", firstBuild);

        Rebuild rebuild = query.getBean(Rebuild.class);
        rebuild.start();
        RebuildStatus status;
        do {
            Thread.sleep(1000);
            status = rebuild.status().orElseThrow();
            System.out.printf(
                    "  rebuild %s: %,d events, %,.0f events/s, lag %s%n",
                    status.state(),
                    status.eventsApplied(),
                    status.eventsPerSecond(),
                    status.lag().values().stream().mapToLong(Long::longValue).sum());
        } while (status.state().underWay());

        long[] latencies = comparisonLatencies(http, port, analyst, 300);
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| events on the topic | %,d |%n", published);
        System.out.printf("| PostgreSQL 100-row batched INSERT (raw limit) | %,.0f rows/s |%n", rawRowsPerSecond);
        System.out.printf("| first build, service start included | %,.0f events/s |%n", firstBuild);
        System.out.printf(
                "| rebuild into shadow tables + switch (%s) | %,.0f events/s (%.2f x raw) |%n",
                status.state(), status.eventsPerSecond(), status.eventsPerSecond() / rawRowsPerSecond);
        System.out.printf(
                "| comparison query p50 / p99 (%d requests, %d agencies with plans) | %.1f ms / %.1f ms |%n",
                latencies.length,
                PlanLives.AGENCIES,
                latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6);
        query.close();
        return status.state() == RebuildStatus.State.DONE ? 0 : 1;
    }

    /** Until the plans of the first FFY's first agency reflect {@code position}: the first build has folded every event. */
    private static void awaitPosition(HttpClient http, int port, String token, long position) throws Exception {
        HttpRequest request = LedgerHttp.authorized(
                        "http://127.0.0.1:" + port + "/api/v1/plans?ffy=" + PlanLives.FIRST_FFY + "&lcsa=A0", token)
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
    private static long[] comparisonLatencies(HttpClient http, int port, String token, int requests) throws Exception {
        long[] latencies = new long[requests];
        for (int i = 0; i < requests; i++) {
            HttpRequest request = LedgerHttp.authorized(
                            "http://127.0.0.1:" + port + "/api/v1/cycles/" + (PlanLives.FIRST_FFY + i % 10)
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

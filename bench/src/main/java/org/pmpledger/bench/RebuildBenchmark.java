package org.pmpledger.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.Direction;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.Objective;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
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
 * batched inserts of event-shaped rows, measured in the same run.
 * <pre>infra/bench-rebuild [events]</pre>
 */
public final class RebuildBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int AGENCIES = 130;
    private static final int FIRST_FFY = 2000;
    private static final List<String> INDICATORS = List.of("SPM-1", "SPM-2", "SPM-3", "SPM-7", "SPM-9");

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

        double rawRowsPerSecond = rawBatchedInsertRate(TestPostgres.newDatabase("pmp_bench_raw"));
        System.out.printf("PostgreSQL 100-row batched inserts: %,.0f rows/s%n", rawRowsPerSecond);

        long published = publish(kafka, topic, target);
        System.out.printf("published %,d events to %s%n", published, topic);

        TestTokens tokens = TestTokens.inNewKeyDirectory();
        long startedAt = System.nanoTime();
        ConfigurableApplicationContext query = new SpringApplicationBuilder(QueryServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--spring.kafka.consumer.group-id=bench-live",
                        "--pmp.intake.topic=" + topic,
                        "--pmp.security.local-key-dir=" + tokens.keyDirectory(),
                        "--logging.level.root=WARN");
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
        } while (!status.state().equals("DONE") && !status.state().equals("FAILED"));

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
                AGENCIES,
                latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6);
        query.close();
        return status.state().equals("DONE") ? 0 : 1;
    }

    /** 100-row batched INSERTs of event-shaped rows (ids, sequence, type, JSON payload) with a commit per batch, for 5 s. */
    static double rawBatchedInsertRate(TestPostgres.Database database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_raw (global_index BIGINT PRIMARY KEY, stream_id VARCHAR(64) NOT NULL, "
                        + "sequence_number BIGINT NOT NULL, type VARCHAR(100) NOT NULL, payload BYTEA NOT NULL)");
            }
            c.setAutoCommit(false);
            byte[] payload = ("{\"planId\":\"" + UUID.randomUUID()
                            + "\",\"ffy\":2022,\"lcsa\":\"ALAMEDA\",\"entryId\":\"" + UUID.randomUUID()
                            + "\",\"quarter\":\"Q2\",\"value\":64.2,\"narrative\":\"Steady progress this quarter\"}")
                    .getBytes(StandardCharsets.UTF_8);
            long rows = 0;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(5).toNanos();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_raw (global_index, stream_id, sequence_number, type, payload) VALUES (?, ?, ?, ?, ?)")) {
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 100; i++) {
                        insert.setLong(1, rows);
                        insert.setString(2, "plan-" + (rows % 10_000));
                        insert.setLong(3, rows / 10_000);
                        insert.setString(4, "pmp.plan.QuarterlyProgressRecorded");
                        insert.setBytes(5, payload);
                        insert.addBatch();
                        rows++;
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Realistic plan lives (drafting to final results) for 47 agencies over as many FFYs as it takes. */
    static long publish(String kafka, String topic, long target) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long[] position = {0};
        Random random = new Random(42);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int ffy = FIRST_FFY; position[0] < target; ffy++) {
                if (ffy > 2100) {
                    throw new IllegalArgumentException(
                            "at most 101 cycles (FFY 2000-2100) of " + AGENCIES + " plans: ask for fewer events");
                }
                send(producer, topic, cycle(ffy), 0, ++position[0]);
                for (int a = 0; a < AGENCIES && position[0] < target; a++) {
                    List<PmpEvent> life = planLife(ffy, "A" + a, random);
                    for (int s = 0; s < life.size(); s++) {
                        send(producer, topic, life.get(s), s, ++position[0]);
                    }
                }
            }
            for (int partition = 0; partition < 6; partition++) {
                ProducerRecord<String, byte[]> watermark = new ProducerRecord<>(topic, partition, null, new byte[0]);
                watermark.headers().add("ce_type", "pmp.watermark".getBytes(StandardCharsets.UTF_8));
                watermark
                        .headers()
                        .add("ce_position", String.valueOf(position[0]).getBytes(StandardCharsets.UTF_8));
                producer.send(watermark);
            }
            producer.flush();
        }
        return position[0];
    }

    private static void send(
            KafkaProducer<String, byte[]> producer, String topic, PmpEvent event, long sequence, long position) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, event.streamId(), JSON.writeValueAsBytes(event));
        record.headers().add("ce_type", PmpEventTypes.typeName(event.getClass()).getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        "ce_revision",
                        String.valueOf(PmpEventTypes.revisionOf(event.getClass()))
                                .getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_sequence", String.valueOf(sequence).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_position", String.valueOf(position).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static PlanningCycleOpened cycle(int ffy) {
        return new PlanningCycleOpened(
                "cycle-" + ffy,
                ffy,
                LocalDate.of(ffy - 1, 9, 15),
                new QuarterDueDates(
                        LocalDate.of(ffy, 1, 31),
                        LocalDate.of(ffy, 5, 2),
                        LocalDate.of(ffy, 8, 1),
                        LocalDate.of(ffy, 10, 31)),
                List.of(new StrategicGoal(
                        1, "Facilitate Consistent Support for Children", List.of(new Objective(1, "Collections")))),
                List.of(new KeyInitiative(
                        "1", "Improve Service Delivery", InitiativeRequirement.ALL, null, null, List.of())),
                INDICATORS.stream()
                        .map(code -> new PracticeIndicator(code, code, MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER))
                        .toList(),
                List.of(),
                Instant.parse((ffy - 1) + "-08-01T17:00:00Z"));
    }

    /** About 90 events: entries, tactics and their moves, submission, review, quarterly values and corrections, closing. */
    private static List<PmpEvent> planLife(int ffy, String lcsa, Random random) {
        String plan = "p-" + ffy + "-" + lcsa;
        Instant at = Instant.parse((ffy - 1) + "-08-20T17:00:00Z");
        List<PmpEvent> life = new ArrayList<>();
        life.add(new PlanDrafted(plan, ffy, lcsa, lcsa + " PMP", at));
        List<String> entries = new ArrayList<>();
        for (String indicator : INDICATORS) {
            String entry = plan + "-" + indicator;
            entries.add(entry);
            BigDecimal baseline = BigDecimal.valueOf(500 + random.nextInt(400), 1);
            life.add(new PlanEntryAdded(
                    plan,
                    ffy,
                    lcsa,
                    entry,
                    1,
                    1,
                    null,
                    null,
                    "1",
                    new Measurement(
                            indicator, indicator, MeasureUnit.PERCENT, baseline, baseline.add(BigDecimal.valueOf(3))),
                    false,
                    at));
        }
        for (int t = 0; t < 10; t++) {
            String tactic = plan + "-t" + t;
            String entry = entries.get(t % entries.size());
            life.add(new TacticAdded(
                    plan,
                    ffy,
                    lcsa,
                    tactic,
                    entry,
                    "Tactic " + t,
                    List.of("Lead " + t),
                    "What we do",
                    LocalDate.of(ffy, 3 + t % 6, 28),
                    "1",
                    false,
                    at));
            life.add(new TacticStatusChanged(
                    plan,
                    ffy,
                    lcsa,
                    tactic,
                    TacticStatus.NOT_STARTED,
                    TacticStatus.IN_PROGRESS,
                    null,
                    null,
                    false,
                    at));
            life.add(new TacticRevised(
                    plan,
                    ffy,
                    lcsa,
                    tactic,
                    "Tactic " + t,
                    List.of("Lead " + t, "Deputy"),
                    "What we do",
                    LocalDate.of(ffy, 4 + t % 6, 28),
                    List.of("leads", "projectedCompletion"),
                    "staffing",
                    false,
                    at));
        }
        life.add(new PlanSubmitted(
                plan,
                ffy,
                lcsa,
                1,
                LocalDate.of(ffy - 1, 9, 15),
                random.nextInt(4) == 0,
                random.nextInt(10),
                Instant.parse((ffy - 1) + "-09-10T17:00:00Z")));
        life.add(new PlanApproved(
                plan, ffy, lcsa, 1, "ra", "Northern", null, Instant.parse((ffy - 1) + "-09-25T17:00:00Z")));
        for (Quarter q : Quarter.values()) {
            for (int e = 0; e < entries.size(); e++) {
                life.add(new QuarterlyProgressRecorded(
                        plan,
                        ffy,
                        lcsa,
                        entries.get(e),
                        INDICATORS.get(e),
                        q,
                        BigDecimal.valueOf(500 + random.nextInt(450), 1),
                        "Quarter narrative",
                        LocalDate.of(ffy, 1, 31),
                        false,
                        0,
                        false,
                        null,
                        null,
                        null,
                        false,
                        at));
            }
            life.add(new PlanCommented(plan, ffy, lcsa, null, "ra", "Northern", "Quarter reviewed", at));
        }
        for (int e = 0; e < entries.size(); e++) {
            life.add(new QuarterlyProgressRecorded(
                    plan,
                    ffy,
                    lcsa,
                    entries.get(e),
                    INDICATORS.get(e),
                    Quarter.Q1,
                    BigDecimal.valueOf(500 + random.nextInt(450), 1),
                    "Corrected",
                    LocalDate.of(ffy, 1, 31),
                    true,
                    10,
                    true,
                    BigDecimal.ONE,
                    "n",
                    "refresh",
                    false,
                    at));
            life.add(new MeasurementRevised(
                    plan,
                    ffy,
                    lcsa,
                    entries.get(e),
                    BigDecimal.valueOf(55),
                    BigDecimal.valueOf(60),
                    BigDecimal.valueOf(50),
                    BigDecimal.valueOf(53),
                    "revised",
                    true,
                    at));
        }
        for (int t = 0; t < 10; t++) {
            life.add(new TacticStatusChanged(
                    plan,
                    ffy,
                    lcsa,
                    plan + "-t" + t,
                    TacticStatus.IN_PROGRESS,
                    TacticStatus.COMPLETED,
                    LocalDate.of(ffy, 6, 30),
                    "done",
                    true,
                    at));
        }
        life.add(new FinalResultsSubmitted(
                plan, ffy, lcsa, "Final", List.of(), LocalDate.of(ffy, 10, 31), false, 0, at));
        return life;
    }

    private static void awaitPosition(HttpClient http, int port, String token, long position) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/plans?ffy=" + FIRST_FFY + "&lcsa=A0"))
                .header("Authorization", "Bearer " + token)
                .build();
        while (true) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("plans answered " + answer.statusCode() + ": " + answer.body());
            }
            if (JSON.readTree(answer.body()).get("reflects").get("position").asLong() >= position) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static long[] comparisonLatencies(HttpClient http, int port, String token, int requests) throws Exception {
        long[] latencies = new long[requests];
        for (int i = 0; i < requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/cycles/" + (FIRST_FFY + i % 10)
                                    + "/indicators/" + INDICATORS.get(i % INDICATORS.size()) + "/comparison"))
                    .header("Authorization", "Bearer " + token)
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("comparison answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode body = JSON.readTree(answer.body());
            if (body.get("statewide").get("reporting").asInt() == 0) {
                throw new IllegalStateException("comparison without data: " + answer.body());
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }
}

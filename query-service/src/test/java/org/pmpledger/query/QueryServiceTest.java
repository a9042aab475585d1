package org.pmpledger.query;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.EventHeaders;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.TestClock;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * query-service over real HTTP, on a fresh PostgreSQL database and a real Kafka broker. Tests put
 * events on the topic the way command-service's publisher does (key, CloudEvents headers, JSON, and
 * watermarks to every partition). One Spring context is shared by the tests extending this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(QueryServiceTest.SettableClock.class)
public abstract class QueryServiceTest {

    protected static final TestTokens TOKENS = TestTokens.inNewKeyDirectory();
    protected static final TestClock CLOCK = new TestClock();
    /** Owned by the service's role, which migrates it and rebuilds its tables. */
    protected static final TestPostgres.Database DATABASE =
            TestPostgres.newDatabaseOwnedBy("pmp_query_it", TestPostgres.QUERY_APP);

    static final String TOPIC =
            "pmp.plan-events.qit-" + UUID.randomUUID().toString().substring(0, 8);
    static final int PARTITIONS = 3;
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;
    private static long position = 100;

    @LocalServerPort
    int port;

    @TestConfiguration
    static class SettableClock {
        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("pmp.intake.topic", () -> TOPIC);
        registry.add("pmp.intake.stuck-after", () -> "5s");
        registry.add("pmp.security.local-key-dir", () -> TOKENS.keyDirectory().toString());
    }

    @AfterEach
    void systemClockAgain() {
        CLOCK.reset();
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    private static synchronized KafkaProducer<String, byte[]> producer() throws Exception {
        if (producer == null) {
            try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                        .all()
                        .get();
            }
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Publishes one event of a stream at the next global position; answers that position. */
    protected static long publish(PmpEvent event, long sequence) throws Exception {
        return publish(
                event.streamId(),
                PmpEventTypes.typeName(event.getClass()),
                PmpEventTypes.revisionOf(event.getClass()),
                JSON.writeValueAsBytes(event),
                sequence);
    }

    protected static synchronized long publish(String key, String type, int revision, byte[] json, long sequence)
            throws Exception {
        return publishAt(key, type, revision, json, sequence, ++position);
    }

    /** Publishes one event at a given global position: a re-delivery repeats the position it had. */
    protected static long publishAt(PmpEvent event, long sequence, long at) throws Exception {
        return publishAt(
                event.streamId(),
                PmpEventTypes.typeName(event.getClass()),
                PmpEventTypes.revisionOf(event.getClass()),
                JSON.writeValueAsBytes(event),
                sequence,
                at);
    }

    /** The next global position a publish would take (and takes it). */
    protected static synchronized long nextPosition() {
        return ++position;
    }

    private static synchronized long publishAt(
            String key, String type, int revision, byte[] json, long sequence, long at) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, json);
        header(record, EventHeaders.TYPE, type);
        header(record, EventHeaders.REVISION, String.valueOf(revision));
        header(record, EventHeaders.SEQUENCE, EventHeaders.sequence(sequence));
        header(record, EventHeaders.POSITION, String.valueOf(at));
        header(record, EventHeaders.ID, UUID.randomUUID().toString());
        producer().send(record).get();
        return at;
    }

    /** Publishes one event of a stream to the given partition, at the next global position; answers that position. */
    protected static synchronized long publishTo(int partition, PmpEvent event, long sequence) throws Exception {
        long at = ++position;
        return publishRecord(
                partition,
                event.streamId(),
                Map.of(
                        EventHeaders.TYPE,
                        PmpEventTypes.typeName(event.getClass()),
                        EventHeaders.REVISION,
                        String.valueOf(PmpEventTypes.revisionOf(event.getClass())),
                        EventHeaders.SEQUENCE,
                        String.valueOf(sequence),
                        EventHeaders.POSITION,
                        String.valueOf(at),
                        EventHeaders.ID,
                        UUID.randomUUID().toString()),
                JSON.writeValueAsBytes(event),
                at);
    }

    /** Publishes a record as given (headers and bytes), whatever a publisher would make of it, at the next position. */
    protected static synchronized long publishRaw(int partition, String key, Map<String, String> headers, byte[] value)
            throws Exception {
        long at = ++position;
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent(EventHeaders.POSITION, String.valueOf(at));
        return publishRecord(partition, key, all, value, at);
    }

    private static long publishRecord(int partition, String key, Map<String, String> headers, byte[] value, long at)
            throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, partition, key, value);
        headers.forEach((name, text) -> header(record, name, text));
        producer().send(record).get();
        return at;
    }

    /** Publishes the events of one stream in order, from sequence 0. */
    protected static long publishStream(List<? extends PmpEvent> events) throws Exception {
        long last = 0;
        for (int i = 0; i < events.size(); i++) {
            last = publish(events.get(i), i);
        }
        return last;
    }

    /**
     * A cycle with one goal, key initiative 1 (required of all) and one indicator, SPM-2 (percent, higher is better):
     * what most projection tests open their plans in.
     */
    protected static PlanningCycleOpened cycleWithSpm2(
            int ffy, LocalDate planDueDate, PlanningCycleOpened.QuarterDueDates quarterDueDates, Instant openedAt) {
        return new PlanningCycleOpened(
                "cycle-" + ffy,
                ffy,
                planDueDate,
                quarterDueDates,
                List.of(new PlanningCycleOpened.StrategicGoal(1, "Goal one", List.of())),
                List.of(new PlanningCycleOpened.KeyInitiative(
                        "1",
                        "Improve Service Delivery",
                        PlanningCycleOpened.InitiativeRequirement.ALL,
                        null,
                        null,
                        List.of())),
                List.of(new PlanningCycleOpened.PracticeIndicator(
                        "SPM-2",
                        "Current support",
                        PlanningCycleOpened.MeasureUnit.PERCENT,
                        PlanningCycleOpened.Direction.HIGHER_IS_BETTER)),
                List.of(),
                openedAt);
    }

    /** A quarter's first recording on the entry of {@link #spm2Entry}: on time against no due date, no correction. */
    protected static QuarterlyProgressRecorded spm2Recording(
            String planId, int ffy, String lcsa, Quarter quarter, BigDecimal value, Instant at) {
        return new QuarterlyProgressRecorded(
                planId, ffy, lcsa, "e-1", "SPM-2", quarter, value, "n", null, false, 0, false, null, null, null, false,
                at);
    }

    /** Entry e-1 of a plan on goal 1, measuring SPM-2 from 61.5 to 66 (the indicator of {@link #cycleWithSpm2}). */
    protected static PlanEntryAdded spm2Entry(String planId, int ffy, String lcsa, Instant addedAt) {
        return new PlanEntryAdded(
                planId,
                ffy,
                lcsa,
                "e-1",
                1,
                null,
                "Own",
                null,
                null,
                new Measurement(
                        "SPM-2",
                        "Current support",
                        PlanningCycleOpened.MeasureUnit.PERCENT,
                        new BigDecimal("61.5"),
                        new BigDecimal("66.0")),
                false,
                addedAt);
    }

    /** "Published through the latest position" on every partition, as the publisher does after each batch. */
    protected static synchronized long watermark() throws Exception {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, partition, null, new byte[0]);
            header(record, EventHeaders.TYPE, EventHeaders.WATERMARK_TYPE);
            header(record, EventHeaders.POSITION, String.valueOf(position));
            producer().send(record).get();
        }
        return position;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

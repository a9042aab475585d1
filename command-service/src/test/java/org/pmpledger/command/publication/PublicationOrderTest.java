package org.pmpledger.command.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.command.DraftsAppended;
import org.pmpledger.events.EventHeaders;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.TestKafka;

/**
 * "Published through P" is true: a transaction that drew a lower position and commits after one that drew a higher
 * position is on the topic before any watermark at or above its position, because events commit in position order.
 */
class PublicationOrderTest extends CommandServiceTest {

    private static final int FFY = 2093;

    @Autowired
    DataSource dataSource;

    @Autowired
    DSLContext db;

    @Autowired
    JsonMapper json;

    @Test
    void aLowerPositionCommittedAfterAHigherOneIsPublishedBeforeAnyWatermarkThatCoversIt() throws Exception {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        String editor = TOKENS.lcsaEditor("ALAMEDA");
        String plan = api().post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", "ALAMEDA"))
                .body()
                .get("id")
                .asString();
        long lower;
        CompletableFuture<Answer> higher;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            lower = DraftsAppended.draftOf(DSL.using(open, SQLDialect.POSTGRES), json, FFY, "KERN", "order@test");
            higher = CompletableFuture.supplyAsync(
                    () -> api().post("/api/v1/plans/" + plan + "/entries", editor, Ffy2022.entryForInitiative1()));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> db.fetchCount(
                                    DSL.table("pg_locks"),
                                    DSL.field("locktype")
                                            .eq("advisory")
                                            .and(DSL.field("granted", Boolean.class)
                                                    .isFalse()))
                            > 0);
            open.commit();
        }
        Answer added = higher.get(30, TimeUnit.SECONDS);
        assertThat(added.status()).as(added.response().body()).isEqualTo(201);
        long higherPosition = added.body().get("position").asLong();
        assertThat(higherPosition).isGreaterThan(lower);

        Map<Integer, List<ConsumerRecord<String, byte[]>>> partitions = topicThroughWatermark(higherPosition);

        List<ConsumerRecord<String, byte[]>> withLower = partitions.values().stream()
                .filter(records -> records.stream().anyMatch(r -> !watermark(r) && position(r) == lower))
                .findFirst()
                .orElseThrow();
        int event = indexOf(withLower, r -> !watermark(r) && position(r) == lower);
        int firstCovering = indexOf(withLower, r -> watermark(r) && position(r) >= lower);
        assertThat(event)
                .as("the event at " + lower + " precedes every watermark through it")
                .isLessThan(firstCovering);
    }

    @Test
    void onceEverythingIsPublishedAHeartbeatOnEveryPartitionSaysWhatWasCommittedBeforeItsInstant() {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2096));
        Answer drafted = api().post("/api/v1/plans", TOKENS.lcsaEditor("KINGS"), Map.of("ffy", 2096, "lcsa", "KINGS"));
        Instant answered = Instant.now();
        long position = drafted.body().get("position").asLong();

        Map<Integer, List<ConsumerRecord<String, byte[]>>> partitions = topicUntil(records -> records.stream()
                .anyMatch(r -> watermark(r)
                        && position(r) >= position
                        && r.headers().lastHeader(EventHeaders.COMMITTED_BEFORE) != null
                        && Instant.parse(header(r, EventHeaders.COMMITTED_BEFORE))
                                .isAfter(answered)));

        assertThat(partitions).isNotEmpty();
    }

    /** The topic's records by partition, read until every partition has a watermark at or above {@code position}. */
    private static Map<Integer, List<ConsumerRecord<String, byte[]>>> topicThroughWatermark(long position) {
        return topicUntil(records -> records.stream().anyMatch(r -> watermark(r) && position(r) >= position));
    }

    /** The topic's records by partition, read until what every partition holds satisfies {@code enough}. */
    private static Map<Integer, List<ConsumerRecord<String, byte[]>>> topicUntil(
            Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "order-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<Integer, List<ConsumerRecord<String, byte[]>>> partitions = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> partitions
                                .computeIfAbsent(r.partition(), p -> new ArrayList<>())
                                .add(r));
                int count = consumer.partitionsFor(TOPIC).size();
                return partitions.size() == count
                        && partitions.values().stream().allMatch(enough);
            });
        }
        return partitions;
    }

    private static boolean watermark(ConsumerRecord<String, byte[]> record) {
        return EventHeaders.WATERMARK_TYPE.equals(header(record, EventHeaders.TYPE));
    }

    private static long position(ConsumerRecord<String, byte[]> record) {
        return Long.parseLong(header(record, EventHeaders.POSITION));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int indexOf(
            List<ConsumerRecord<String, byte[]>> records, Predicate<ConsumerRecord<String, byte[]>> which) {
        for (int i = 0; i < records.size(); i++) {
            if (which.test(records.get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}

package org.pmpledger.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A topic read from its start, as a consumer group of its own, until what was read is enough. */
public final class TopicReader {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TopicReader() {}

    /** Every record from the start until {@code enough} holds of what was read (at most 30 s). */
    public static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long giveUpAt = System.nanoTime() + WAIT.toNanos();
            while (!enough.test(records)) {
                if (System.nanoTime() > giveUpAt) {
                    throw new AssertionError("the topic " + topic + " did not hold what was awaited within " + WAIT
                            + " (" + records.size() + " records read)");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The records of one stream (key) among {@code records}. */
    public static List<ConsumerRecord<String, byte[]>> of(String key, List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }
}

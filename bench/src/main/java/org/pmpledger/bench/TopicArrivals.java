package org.pmpledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.pmpledger.events.EventHeaders;

/**
 * When each published event reached the topic: a consumer next to the broker (in this JVM) notes the instant every
 * event record (not a watermark) arrives while a lag phase listens. Splits the command-to-query lag into its two
 * halves, publication (command's answer to the topic) and the query side (topic to the read's answer).
 */
final class TopicArrivals implements AutoCloseable {

    private final Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicBoolean listening = new AtomicBoolean();
    private final Thread reader;

    private TopicArrivals(String kafka, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // from now on
        reader = Thread.ofPlatform().daemon().name("topic-arrivals").start(() -> {
            try (consumer) {
                while (open.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Header position = record.headers().lastHeader(EventHeaders.POSITION);
                        Header type = record.headers().lastHeader(EventHeaders.TYPE);
                        boolean watermark = type != null
                                && EventHeaders.WATERMARK_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8));
                        if (listening.get() && position != null && !watermark) {
                            arrivedAt.putIfAbsent(
                                    Long.parseLong(new String(position.value(), StandardCharsets.UTF_8)), now);
                        }
                    }
                }
            }
        });
    }

    /** Reads {@code topic} from now until closed, noting arrivals while listening. */
    static TopicArrivals on(String kafka, String topic) {
        return new TopicArrivals(kafka, topic);
    }

    /** From now on notes arrivals, forgetting the earlier ones. */
    void listen() {
        arrivedAt.clear();
        listening.set(true);
    }

    /** Notes no more arrivals (what was noted stays until the next {@link #listen}). */
    void stopListening() {
        listening.set(false);
    }

    /** When the event at {@code position} reached the topic (System.nanoTime), or null if it has not (yet). */
    Long arrivedAt(long position) {
        return arrivedAt.get(position);
    }

    @Override
    public void close() throws InterruptedException {
        open.set(false);
        reader.join();
    }
}

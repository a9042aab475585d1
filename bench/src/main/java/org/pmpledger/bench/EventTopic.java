package org.pmpledger.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.EventHeaders;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;

/**
 * A topic of 6 partitions filled with {@link PlanLives} as command-service publishes events: each record keyed by its
 * stream, its JSON payload with the event's type, revision, sequence and global position in headers; after the last
 * event, a watermark on every partition carries the position reached.
 */
final class EventTopic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventTopic() {}

    /**
     * Realistic plan lives (drafting to final results) for {@value PlanLives#AGENCIES} agencies on a new topic, over as
     * many FFYs as it takes to reach {@code target} events; answers the position of the last event.
     */
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
            for (int ffy = PlanLives.FIRST_FFY; position[0] < target; ffy++) {
                if (ffy > 2100) {
                    throw new IllegalArgumentException("at most 101 cycles (FFY 2000-2100) of " + PlanLives.AGENCIES
                            + " plans: ask for fewer events");
                }
                send(producer, topic, PlanLives.cycle(ffy), 0, ++position[0]);
                for (int a = 0; a < PlanLives.AGENCIES && position[0] < target; a++) {
                    List<PmpEvent> life = PlanLives.planLife(ffy, "A" + a, random);
                    for (int s = 0; s < life.size(); s++) {
                        send(producer, topic, life.get(s), s, ++position[0]);
                    }
                }
            }
            for (int partition = 0; partition < 6; partition++) {
                ProducerRecord<String, byte[]> watermark = new ProducerRecord<>(topic, partition, null, new byte[0]);
                watermark
                        .headers()
                        .add(EventHeaders.TYPE, EventHeaders.WATERMARK_TYPE.getBytes(StandardCharsets.UTF_8));
                watermark
                        .headers()
                        .add(EventHeaders.POSITION, String.valueOf(position[0]).getBytes(StandardCharsets.UTF_8));
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
        record.headers()
                .add(EventHeaders.TYPE, PmpEventTypes.typeName(event.getClass()).getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        EventHeaders.REVISION,
                        String.valueOf(PmpEventTypes.revisionOf(event.getClass()))
                                .getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(EventHeaders.SEQUENCE, EventHeaders.sequence(sequence).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.POSITION, String.valueOf(position).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }
}

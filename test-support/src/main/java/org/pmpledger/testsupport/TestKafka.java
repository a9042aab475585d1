package org.pmpledger.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker in KRaft mode, one per test JVM: a Kafka container where Docker exists, else an
 * in-process broker from spring-kafka-test. Tests give their topics unique names.
 */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            if (Docker.available()) {
                KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
                kafka.start();
                bootstrapServers = kafka.getBootstrapServers();
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
                broker.brokerProperty("auto.create.topics.enable", "false");
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
                bootstrapServers = broker.getBrokersAsString();
            }
        }
        return bootstrapServers;
    }
}

package org.pmpledger.query.freshness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How many partitions the topic has: a read reflects a position only once every one of them has been applied through
 * it, including partitions no instance has applied anything from yet. Asked of the broker at most every
 * {@link #RECHECK} (a topic may gain partitions); while the broker cannot say, the partitions applied so far count.
 */
@Component
class TopicPartitions {

    static final Duration RECHECK = Duration.ofMinutes(1);

    private final KafkaAdmin kafka;
    private final String topic;
    private volatile int known;
    private volatile long askedAt = Long.MIN_VALUE;

    TopicPartitions(KafkaAdmin kafka, @Value("${pmp.intake.topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** The topic's partition count as last learned; 0 when the broker has not said yet. */
    int count() {
        long now = System.nanoTime();
        if (now - askedAt > RECHECK.toNanos()) {
            askedAt = now;
            known = Math.max(known, ask());
        }
        return known;
    }

    private int ask() {
        var config = new java.util.HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (AdminClient admin = AdminClient.create(config)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(3, TimeUnit.SECONDS).get(topic).partitions().size();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }
}

package org.pmpledger.query.freshness;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How many partitions the topic has: a read reflects a position only once every one of them has been applied through
 * it, including partitions no instance has applied anything from yet. Learned from the broker off the request path,
 * every second until known, then every {@link #RECHECK} (a topic may gain partitions); while unknown (0), no read
 * claims every partition.
 */
@Component
class TopicPartitions implements DisposableBean {

    static final Duration RECHECK = Duration.ofMinutes(1);

    private final KafkaAdmin kafka;
    private final String topic;
    private final ScheduledExecutorService asking = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("topic-partitions").daemon().factory());
    private volatile int known;

    TopicPartitions(KafkaAdmin kafka, @Value("${pmp.intake.topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
        asking.execute(this::ask);
    }

    /** The topic's partition count as last learned; 0 while the broker has not said. */
    int count() {
        return known;
    }

    private void ask() {
        var config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (AdminClient admin = AdminClient.create(config)) {
            known = Math.max(
                    known,
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(3, TimeUnit.SECONDS)
                            .get(topic)
                            .partitions()
                            .size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            // not known yet: asked again below
        }
        asking.schedule(this::ask, known == 0 ? 1000 : RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        asking.shutdownNow();
    }
}

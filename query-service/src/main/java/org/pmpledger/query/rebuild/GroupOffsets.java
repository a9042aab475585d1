package org.pmpledger.query.rebuild;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Where consumer groups stand on the plan-events topic: their committed offsets and their lag behind its end. One admin
 * client answers every question (a rebuild asks at every step of its wait), created at the first and closed with the
 * service; none is created after.
 */
@Component
class GroupOffsets implements DisposableBean {

    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private AdminClient admin;
    private boolean closed;

    GroupOffsets(KafkaAdmin kafkaAdmin, @Value("${pmp.intake.topic}") String topic) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = topic;
    }

    /** Per partition of the topic: how many records the group has still to read up to its end. */
    Map<TopicPartition, Long> lag(String group) {
        Map<TopicPartition, Long> committed = committed(group);
        Map<TopicPartition, Long> lag = new HashMap<>();
        endOffsets().forEach((tp, end) -> lag.put(tp, Math.max(0, end - committed.getOrDefault(tp, 0L))));
        return lag;
    }

    /** How many partitions the topic has. */
    int partitions() {
        try {
            return partitionsOf(admin()).size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    private List<TopicPartition> partitionsOf(AdminClient admin) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            AdminClient admin = admin();
            List<TopicPartition> partitions = partitionsOf(admin);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            Map<TopicPartition, Long> result = new HashMap<>();
            ends.forEach((tp, info) -> result.put(tp, info.offset()));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** The group's committed offset per partition of the topic. */
    Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((tp, offset) -> {
                if (offset != null && tp.topic().equals(topic)) {
                    result.put(tp, offset.offset());
                }
            });
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e);
        }
    }

    private synchronized AdminClient admin() {
        if (closed) {
            throw new IllegalStateException("the service is stopping: no more questions to the cluster");
        }
        if (admin == null) {
            admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public void destroy() {
        AdminClient closing;
        synchronized (this) {
            closed = true;
            closing = admin;
            admin = null;
        }
        if (closing != null) {
            closing.close(CLOSE_LIMIT);
        }
    }
}

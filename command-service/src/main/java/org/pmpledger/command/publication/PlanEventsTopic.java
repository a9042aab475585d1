package org.pmpledger.command.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates the plan-events topic if the broker lacks it: events are kept forever, each acknowledged on at least all replicas but one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationSettings.class)
class PlanEventsTopic {

    @Bean
    NewTopic planEvents(PublicationSettings settings) {
        return TopicBuilder.name(settings.topic())
                .partitions(settings.partitions())
                .replicas(settings.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                // an acknowledged send is on at least all replicas but one, so one broker may be lost without refusing
                // writes
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.max(1, settings.replicas() - 1)))
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .build();
    }
}

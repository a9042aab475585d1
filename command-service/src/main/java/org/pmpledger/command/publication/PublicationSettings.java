package org.pmpledger.command.publication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how events are published ({@code pmp.publication.*}).
 *
 * @param topic      the topic of plan and cycle events; kept forever so projections can be rebuilt
 * @param partitions partitions of the topic when this service creates it: the query side's unit of scale
 * @param replicas   replication factor when this service creates the topic
 * @param acknowledgementTimeout how long a publisher batch may take, its sends and their acknowledgement included;
 *                   shorter than the publisher's token claim ({@link PublicationTimeouts}), so that no other instance
 *                   takes the claim over while a batch is under way
 */
@ConfigurationProperties("pmp.publication")
record PublicationSettings(
        @DefaultValue("pmp.plan-events.v1") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("/pmp-ledger/command-service") String source,
        @DefaultValue("3s") Duration acknowledgementTimeout) {}

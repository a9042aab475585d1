package org.pmpledger.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.KillableKafka;
import org.pmpledger.testsupport.KillablePostgres;
import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * Every part of the ledger in a process of its own that can be killed with {@code kill -9} and started again: a
 * PostgreSQL server, a Kafka broker, the command service and the query service (their executable jars). The databases
 * and the topic are this stack's own.
 */
final class ChaosStack implements AutoCloseable {

    /** The parts a fault kills, one at a time. */
    enum Part {
        COMMAND_SERVICE,
        QUERY_SERVICE,
        KAFKA,
        POSTGRESQL
    }

    private final KillablePostgres postgres;
    private final KillableKafka kafka;
    private final TestPostgres.Database eventStore;
    private final String topic;
    private final String group;
    private final Map<String, String> commandProperties = new HashMap<>();
    private final Map<String, String> queryProperties = new HashMap<>();
    private volatile RunningService commandService;
    private volatile RunningService queryService;
    private int restarts;

    /** Starts every part; a part that fails to start stops those started before it. */
    ChaosStack(TestTokens tokens) {
        postgres = KillablePostgres.start();
        try {
            kafka = KillableKafka.start(6);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        TestPostgres.Database server = new TestPostgres.Database(postgres.jdbcUrl("postgres"), "postgres", "");
        eventStore = TestPostgres.newDatabaseOn(server, "pmp_command_chaos", null);
        TestPostgres.Database projections = TestPostgres.newDatabaseOn(
                        server, "pmp_query_chaos", TestPostgres.QUERY_APP)
                .as(TestPostgres.QUERY_APP);
        topic = "pmp.plan-events.chaos-" + UUID.randomUUID().toString().substring(0, 8);
        group = "chaos-" + topic;
        commandProperties.putAll(ServiceProperties.command(eventStore, kafka.bootstrapServers(), topic, tokens));
        queryProperties.putAll(ServiceProperties.query(projections, kafka.bootstrapServers(), topic, group, tokens));
        try {
            commandService = RunningService.instance("command-service", "chaos-command-service", commandProperties);
            queryService = RunningService.instance("query-service", "chaos-query-service", queryProperties);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    ApiClient commands() {
        return new ApiClient(commandService.baseUrl());
    }

    ApiClient queries() {
        return new ApiClient(queryService.baseUrl());
    }

    /** Kills the part at once, as {@code kill -9} does. */
    void kill(Part part) throws InterruptedException {
        switch (part) {
            case COMMAND_SERVICE -> commandService.kill();
            case QUERY_SERVICE -> queryService.kill();
            case KAFKA -> kafka.kill();
            case POSTGRESQL -> postgres.kill();
        }
    }

    /** Starts the killed part again and returns once it answers (a service once healthy). */
    void restart(Part part) {
        restarts++;
        switch (part) {
            case COMMAND_SERVICE ->
                commandService = RunningService.instance(
                        "command-service", "chaos-command-service-" + restarts, commandProperties);
            case QUERY_SERVICE ->
                queryService =
                        RunningService.instance("query-service", "chaos-query-service-" + restarts, queryProperties);
            case KAFKA -> kafka.restart();
            case POSTGRESQL -> postgres.restart();
        }
    }

    /**
     * Sets the query service's committed offsets back to the start of the topic, as if it had applied every batch but
     * committed no offset of them: its next start receives every record again. Only while no query instance runs (the
     * broker refuses while the group has members; a killed member leaves when its session ends).
     */
    void forgetCommittedOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .forEach(p -> earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(earliest)
                    .all()
                    .get()
                    .forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(group, start).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the group's offsets could not be set back: " + e.getCause(), e);
        }
    }

    /** The query service's committed offsets, summed over the topic's partitions. */
    long committedOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many events each request (its {@code X-Correlation-Id}, an event's {@code traceId}) stored. */
    Map<String, Integer> eventsByRequest() {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c =
                        DriverManager.getConnection(eventStore.jdbcUrl(), eventStore.user(), eventStore.password());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'traceId', count(*) FROM domain_event_entry"
                                + " GROUP BY 1")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    @Override
    public void close() {
        for (RunningService service : new RunningService[] {queryService, commandService}) {
            if (service != null) {
                try {
                    service.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        kafka.close();
        postgres.close();
    }
}

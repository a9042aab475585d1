package org.pmpledger.command.eventstore;

import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Supplier;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.pmpledger.events.EventRevision;
import org.pmpledger.events.PmpEventTypes;

/**
 * The event store's shape: Flyway-owned tables with snake_case names (V1__event_store.sql), event
 * revisions from our own {@code @EventRevision} (the contract module carries no Axon types), and the
 * caller's facts copied from each command onto every event it causes.
 */
// Axon's Configuration is the one imported: the storage engine reads its upcasters and snapshot filter.
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EventStoreSetup {

    /**
     * How far below the newest position read a tracking token remembers a position without an event. Events commit in
     * the order of their positions (V6__events_commit_in_position_order.sql): whoever reads position P has read every
     * event at or below P there will ever be, so a missing position below it was rolled back and never fills. Axon's
     * default of 10,000 keeps each of them in every event's copy of the token (a bulk request that rolls back leaves
     * hundreds), which costs memory for every event read. This holds while every append draws its position under that
     * migration's lock: the position sequence hands out one value at a time (no per-session cache) and no insert
     * bypasses the trigger.
     */
    static final int ROLLED_BACK_POSITIONS_KEPT = 1;

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Axon's serializers (configured as jackson3) take each event's revision from {@code @EventRevision}. */
    @Bean
    RevisionResolver eventRevisions() {
        return type ->
                type.isAnnotationPresent(EventRevision.class) ? String.valueOf(PmpEventTypes.revisionOf(type)) : null;
    }

    @Bean
    CorrelationDataProvider commandContextOnEvents() {
        return new SimpleCorrelationDataProvider(CommandContext.KEYS_COPIED_TO_EVENTS);
    }

    /** correlationId (the causing message) and traceId (the request) on every event; Axon's own default. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * Recognises PostgreSQL's unique violation (SQLState 23505) also inside a batch's next exception,
     * where Axon's SQL error-code resolver does not look: a second stream start is then "already exists"
     * (409), a lost race a concurrency conflict, never a 500.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolations() {
        return EventStoreSetup::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if ("23505".equals(e.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The event store whose readers every commit wakes ({@link CommitWokenEventStore}). */
    @Bean
    EventStore eventStore(EventStorageEngine storageEngine) {
        return CommitWokenEventStore.over(storageEngine);
    }

    /** Axon's JDBC storage engine exactly as its auto-configuration builds it (which backs off once an event store is declared). */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(readsOutsideTransactionsInAutocommit(transactionManager))
                .schema(eventSchema)
                .maxGapOffset(ROLLED_BACK_POSITIONS_KEPT)
                .build();
    }

    /**
     * The storage engine's transactions: an append joins the request's transaction (Spring's, which {@code CommandTransactions}
     * opens), and so does a read made inside one (an aggregate loaded by a command). A read made outside any transaction
     * (the publisher's tracking reads, which every commit wakes) runs as it is, in autocommit: one round trip, where a
     * transaction of its own took three (BEGIN with the query, the query, COMMIT).
     */
    static TransactionManager readsOutsideTransactionsInAutocommit(TransactionManager transactions) {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                return transactions.startTransaction();
            }

            @Override
            public <T> T fetchInTransaction(Supplier<T> read) {
                return TransactionSynchronizationManager.isActualTransactionActive()
                        ? transactions.fetchInTransaction(read)
                        : read.get();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package org.pmpledger.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.pmpledger.testsupport.TestPostgres;

/**
 * PostgreSQL's own limits on this machine, without the services: how fast plain JDBC writes the command service's
 * event rows into its event store (its table, unique keys, append-only, hash-chain and position-order triggers, as its
 * Flyway migrations make them) through a pool of its size. The benchmark warms each measure up before it counts.
 */
final class PostgresLimits {

    /** The command service's pool ({@code spring.datasource.hikari.maximum-pool-size}). */
    static final int SERVICE_POOL = 20;

    private static final String INSERT_EVENT = "INSERT INTO domain_event_entry (event_identifier, "
            + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
            + "meta_data) VALUES (?, ?, ?, 'Plan', ?, 'org.pmpledger.events.plan.QuarterlyProgressRecorded', '1', ?, ?)";

    private static final byte[] PAYLOAD = ("{\"planId\":\"" + UUID.randomUUID()
                    + "\",\"ffy\":2050,\"lcsa\":\"ALAMEDA\",\"entryId\":\"" + UUID.randomUUID()
                    + "\",\"quarter\":\"Q2\",\"value\":64.2,\"narrative\":\"Quarterly update 12\","
                    + "\"reason\":\"CDR refresh\",\"late\":false,\"daysLate\":0,\"correction\":true,"
                    + "\"recordedAt\":\"2050-07-15T17:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static final byte[] META_DATA = ("{\"subject\":\"editor-1@alameda\",\"roles\":[\"LCSA_EDITOR\"],"
                    + "\"lcsa\":\"ALAMEDA\",\"traceparent\":\"00-3f0c5a1e9b7d4c2a8e6f1b3d5c7a9e0f-1a2b3c4d5e6f7a8b-01\","
                    + "\"correlationId\":\"" + UUID.randomUUID() + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private PostgresLimits() {}

    /** The database migrated as the command service migrates its event store (its Flyway scripts). */
    static void migrated(TestPostgres.Database database, Path root) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("filesystem:" + root.resolve("command-service/src/main/resources/db/migration"))
                .load()
                .migrate();
    }

    /** A pool on the database configured as the service's: its size, batched inserts as multi-row INSERTs. */
    static HikariDataSource pool(TestPostgres.Database database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(SERVICE_POOL);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** One event row per transaction (INSERT + COMMIT), from {@code clients} threads at once. */
    static Phase singleRowCommits(DataSource eventStore, Duration duration, int clients) throws Exception {
        return rows(eventStore, duration, clients, 1);
    }

    /** 100 event rows per transaction (one batched INSERT + COMMIT), from {@code clients} threads at once. */
    static Phase batchedInserts(DataSource eventStore, Duration duration, int clients) throws Exception {
        return rows(eventStore, duration, clients, 100);
    }

    private static Phase rows(DataSource eventStore, Duration duration, int clients, int batch) throws Exception {
        AtomicLong rows = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8); // each run its own streams
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                String stream = "raw-" + run + "-" + client;
                writers.add(pool.submit(() -> {
                    long sequence = 0;
                    while (System.nanoTime() < end) {
                        try (Connection c = eventStore.getConnection();
                                PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
                            c.setAutoCommit(false);
                            for (int i = 0; i < batch; i++) {
                                insert.setString(1, UUID.randomUUID().toString());
                                insert.setString(2, stream);
                                insert.setLong(3, sequence++);
                                insert.setString(4, Clock.systemUTC().instant().toString());
                                insert.setBytes(5, PAYLOAD);
                                insert.setBytes(6, META_DATA);
                                insert.addBatch();
                            }
                            insert.executeBatch();
                            c.commit();
                            rows.addAndGet(batch);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(); // a writer's failure fails the measure
            }
        }
        return Phase.rows(rows.get(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * 100-row batched INSERTs of event-shaped rows into a table without keys beyond its primary one, with a commit per
     * batch, after a warm-up of a fifth of {@code duration}: what a projection's bulk write could at best do.
     */
    static Phase rawBatchedInserts(TestPostgres.Database database, Duration duration) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_raw (global_index BIGINT PRIMARY KEY, stream_id VARCHAR(64) NOT NULL, "
                        + "sequence_number BIGINT NOT NULL, type VARCHAR(100) NOT NULL, payload BYTEA NOT NULL)");
            }
            c.setAutoCommit(false);
            long[] next = {0};
            batches(c, duration.dividedBy(5), next);
            long before = next[0];
            long start = System.nanoTime();
            batches(c, duration, next);
            return Phase.rows(next[0] - before, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void batches(Connection c, Duration duration, long[] next) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO bench_raw (global_index, stream_id, sequence_number, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            while (System.nanoTime() < end) {
                for (int i = 0; i < 100; i++) {
                    long row = next[0]++;
                    insert.setLong(1, row);
                    insert.setString(2, "plan-" + (row % 10_000));
                    insert.setLong(3, row / 10_000);
                    insert.setString(4, "pmp.plan.QuarterlyProgressRecorded");
                    insert.setBytes(5, PAYLOAD);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            }
        }
    }
}

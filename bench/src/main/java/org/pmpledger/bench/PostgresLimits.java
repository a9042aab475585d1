package org.pmpledger.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.pmpledger.testsupport.TestPostgres;

/**
 * PostgreSQL's own limits on this machine, without the services: how fast raw JDBC writes event-shaped rows, each
 * into a scratch database of its own. The benchmarks print their figures next to these.
 */
final class PostgresLimits {

    private PostgresLimits() {}

    /**
     * Single-row INSERT + COMMIT of an event-shaped row (the event table's columns and unique keys), from
     * {@code connections} connections at once.
     */
    static double rawSingleRowCommitRate(TestPostgres.Database database, Duration duration, int connections)
            throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE bench_event (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, "
                            + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255), "
                            + "time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), "
                            + "payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
        }
        byte[] payload = ("{\"planId\":\"" + UUID.randomUUID() + "\",\"ffy\":2050,\"lcsa\":\"ALAMEDA\",\"entryId\":\""
                        + UUID.randomUUID()
                        + "\",\"quarter\":\"Q2\",\"value\":64.2,\"narrative\":\"Steady progress this quarter\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] meta =
                "{\"subject\":\"bench\",\"roles\":[\"SERVICE\"],\"traceId\":\"3f0c\"}".getBytes(StandardCharsets.UTF_8);
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int client = 0; client < connections; client++) {
                int id = client;
                pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(
                                    database.jdbcUrl(), database.user(), database.password());
                            PreparedStatement insert = c.prepareStatement(
                                    "INSERT INTO bench_event (event_identifier, aggregate_identifier, "
                                            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                                            + "VALUES (?, ?, ?, 'Plan', ?, 'org.pmpledger.events.plan.QuarterlyProgressRecorded', '1', ?, ?)")) {
                        long sequence = 0;
                        while (System.nanoTime() < end) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, "plan-" + id);
                            insert.setLong(3, sequence++);
                            insert.setString(4, Clock.systemUTC().instant().toString());
                            insert.setBytes(5, payload);
                            insert.setBytes(6, meta);
                            insert.executeUpdate(); // autocommit: one COMMIT (one WAL flush) per row
                            rows.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** 100-row batched INSERTs of event-shaped rows (ids, sequence, type, JSON payload) with a commit per batch, for 5 s. */
    static double rawBatchedInsertRate(TestPostgres.Database database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_raw (global_index BIGINT PRIMARY KEY, stream_id VARCHAR(64) NOT NULL, "
                        + "sequence_number BIGINT NOT NULL, type VARCHAR(100) NOT NULL, payload BYTEA NOT NULL)");
            }
            c.setAutoCommit(false);
            byte[] payload = ("{\"planId\":\"" + UUID.randomUUID()
                            + "\",\"ffy\":2022,\"lcsa\":\"ALAMEDA\",\"entryId\":\"" + UUID.randomUUID()
                            + "\",\"quarter\":\"Q2\",\"value\":64.2,\"narrative\":\"Steady progress this quarter\"}")
                    .getBytes(StandardCharsets.UTF_8);
            long rows = 0;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(5).toNanos();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_raw (global_index, stream_id, sequence_number, type, payload) VALUES (?, ?, ?, ?, ?)")) {
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 100; i++) {
                        insert.setLong(1, rows);
                        insert.setString(2, "plan-" + (rows % 10_000));
                        insert.setLong(3, rows / 10_000);
                        insert.setString(4, "pmp.plan.QuarterlyProgressRecorded");
                        insert.setBytes(5, payload);
                        insert.addBatch();
                        rows++;
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }
}

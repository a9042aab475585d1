package org.pmpledger.query.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every query instance on one database agrees on through it (PostgreSQL advisory locks), so that a rebuild loses
 * nothing whichever instance runs it:
 * <ul>
 *   <li>each transaction that writes the live tables (a batch, a parked record applied again) holds the fence shared
 *       until it commits; the rebuild's switch holds it exclusively, so while the rebuilt tables catch up with the live
 *       ones and take their place, no instance writes the tables being retired;</li>
 *   <li>one rebuild at a time across the instances: the rebuilding instance holds {@link #REBUILD} on a connection of
 *       its own for the rebuild's duration (released if that instance dies).</li>
 * </ul>
 */
@Component
public class IntakeFence {

    /** The advisory lock of the live tables' writers (shared) and of a rebuild's switch (exclusive). */
    public static final long LIVE_TABLES = 0x504d505f4c495645L;
    /** The advisory lock a rebuild holds while it runs. */
    public static final long REBUILD = 0x504d505f52425344L;

    private static final Logger LOG = LoggerFactory.getLogger(IntakeFence.class);

    private final DSLContext db;
    private final DataSource dataSource;

    IntakeFence(DSLContext db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** {@link #REBUILD} held on a connection of its own until closed; empty when another instance holds it. */
    public Optional<RebuildLock> holdRebuild() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (lock(connection, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.of(new RebuildLock(connection));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot ask for the rebuild lock", e);
        }
    }

    /** The rebuild lock, held until closed (and by the database until the connection ends, should this one die). */
    public static final class RebuildLock implements AutoCloseable {

        private final Connection connection;

        private RebuildLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try {
                lock(connection, "SELECT pg_advisory_unlock(?)");
            } catch (SQLException e) {
                LOG.warn("the rebuild lock was not released: {}; it ends with its connection", e.toString());
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static boolean lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, REBUILD);
            try (ResultSet answer = statement.executeQuery()) {
                return answer.next() && answer.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure already reported is the one that matters
            }
        }
    }

    /** In a transaction that writes the live tables: waits while a switch holds the fence, then holds it shared. */
    void enterShared() {
        db.execute("SELECT pg_advisory_xact_lock_shared({0})", LIVE_TABLES);
    }

    /** In the switch's transaction: waits for the live tables' writers to commit, and holds every new one off. */
    public void enterExclusive() {
        db.execute("SELECT pg_advisory_xact_lock({0})", LIVE_TABLES);
    }

    /** Whether a rebuild runs on any instance. */
    public boolean rebuildRuns() {
        return db.fetchExists(db.selectOne()
                .from("pg_locks")
                .where(
                        "locktype = 'advisory' AND granted AND objsubid = 1"
                                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                                + " AND ((classid::bigint << 32) | objid::bigint) = {0}",
                        REBUILD));
    }
}

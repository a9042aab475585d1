package org.pmpledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.query.intake.IntakeFence;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * A rebuild among several query instances on one database: one at a time, and its switch waits until no other
 * instance writes the live tables (another instance is played here by a connection of the test's own).
 */
class RebuildAcrossInstancesTest extends QueryServiceTest {

    private static Connection anotherInstance() throws Exception {
        return DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
    }

    private static void lock(Connection connection, String function, long key) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, key);
            lock.executeQuery().close();
        }
    }

    private String state() {
        return api().get("/api/v1/admin/rebuild", TOKENS.analyst())
                .body()
                .get("state")
                .asString();
    }

    private void awaitDone() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> state().equals("DONE"));
    }

    @Test
    void aRebuildIsRefusedWhileAnotherInstanceRunsOne() throws Exception {
        watermark(); // the topic exists, with something to fold
        try (Connection other = anotherInstance()) {
            lock(other, "pg_advisory_lock", IntakeFence.REBUILD);

            Answer refused = api().post("/api/v1/admin/rebuild", TOKENS.stateAdmin(), null);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("type").asString()).isEqualTo("/problems/rebuild-under-way");
        }

        Answer started = api().post("/api/v1/admin/rebuild", TOKENS.stateAdmin(), null);
        assertThat(started.status())
                .as("once the other instance's rebuild ended")
                .isEqualTo(202);
        awaitDone();
    }

    @Test
    void theSwitchWaitsUntilNoOtherInstanceWritesTheLiveTables() throws Exception {
        watermark(); // the topic exists, with something to fold
        try (Connection other = anotherInstance()) {
            other.setAutoCommit(false);
            lock(other, "pg_advisory_xact_lock_shared", IntakeFence.LIVE_TABLES); // a batch under way there

            Answer started = api().post("/api/v1/admin/rebuild", TOKENS.stateAdmin(), null);
            assertThat(started.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> state().equals("SWITCHING"));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> state().equals("SWITCHING"));

            other.commit();
        }
        awaitDone();
    }
}

package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.query.QueryServiceTest;

/**
 * Readiness follows the intake: an instance whose batch cannot finish (here the checkpoints are locked by another
 * session) is not ready once the batch has run past the stuck limit, and is ready again when the batch goes through.
 */
class StuckIntakeTest extends QueryServiceTest {

    @Test
    void aBatchThatCannotFinishMakesTheInstanceUnreadyUntilItGoesThrough() throws Exception {
        String planId = UUID.randomUUID().toString();
        try (Connection locker =
                DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password())) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE partition_checkpoint IN SHARE MODE");
            publish(new PlanDrafted(planId, 2022, "NAPA", "Napa PMP", Instant.parse("2021-08-20T17:00:00Z")), 0);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(intake().get("status").asString()).isEqualTo("DOWN");
                assertThat(readinessStatus()).isEqualTo(503);
            });
            locker.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api().get("/api/v1/plans/" + planId, TOKENS.analyst()).status())
                    .isEqualTo(200);
            assertThat(intake().get("status").asString()).isNotEqualTo("DOWN");
            assertThat(readinessStatus()).isEqualTo(200);
        });
    }

    private JsonNode intake() {
        return api().get("/actuator/health", null).body().get("components").get("intake");
    }

    private int readinessStatus() {
        return api().get("/actuator/health/readiness", null).status();
    }
}

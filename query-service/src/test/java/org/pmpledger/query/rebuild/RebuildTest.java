package org.pmpledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/** A rebuild folds the whole topic into fresh tables while the live ones serve, switches, and the live intake goes on. */
class RebuildTest extends QueryServiceTest {

    private static final Instant AT = Instant.parse("2090-08-20T17:00:00Z");

    @Test
    void rebuildReplacesTheProjectionsWithTheSameContentWhileServingAndTheIntakeGoesOn() throws Exception {
        String plan = "7eb0110d-2091-4000-8000-000000000001";
        publishStream(List.of(
                new PlanDrafted(plan, 2091, "NAPA", "Napa PMP", AT),
                new PlanEntryAdded(
                        plan,
                        2091,
                        "NAPA",
                        "rb-e1",
                        1,
                        null,
                        "Own",
                        null,
                        null,
                        new Measurement(
                                null, "Outreach events", MeasureUnit.COUNT, BigDecimal.TEN, new BigDecimal("20")),
                        false,
                        AT),
                new PlanSubmitted(plan, 2091, "NAPA", 1, LocalDate.parse("2090-09-15"), false, 0, AT)));
        JsonNode before = read("/api/v1/plans/" + plan + "?minVersion=3");

        Answer started = api().post("/api/v1/admin/rebuild", TOKENS.stateAdmin(), null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(read("/api/v1/plans/" + plan).get("version").asLong())
                .as("served while rebuilding")
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode status =
                            api().get("/api/v1/admin/rebuild", TOKENS.analyst()).body();
                    assertThat(status.get("state").asString()).isEqualTo("DONE");
                });

        JsonNode status = api().get("/api/v1/admin/rebuild", TOKENS.analyst()).body();
        assertThat(status.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode after = read("/api/v1/plans/" + plan);
        assertThat(after).isEqualTo(before);
        publish(
                new QuarterlyProgressRecorded(
                        plan,
                        2091,
                        "NAPA",
                        "rb-e1",
                        null,
                        Quarter.Q1,
                        new BigDecimal("12"),
                        "first",
                        LocalDate.parse("2091-01-31"),
                        false,
                        0,
                        false,
                        null,
                        null,
                        null,
                        false,
                        AT),
                3);
        assertThat(read("/api/v1/plans/" + plan + "?minVersion=4")
                        .get("entries")
                        .get(0)
                        .get("quarterlyUpdates"))
                .hasSize(1);
    }

    @Test
    void onlyAStateAdminStartsARebuild() {
        Answer answer = api().post("/api/v1/admin/rebuild", TOKENS.analyst(), null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private JsonNode read(String path) {
        Answer answer = api().get(path, TOKENS.analyst());
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.body();
    }
}

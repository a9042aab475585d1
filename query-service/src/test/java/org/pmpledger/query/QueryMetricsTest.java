package org.pmpledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.testsupport.ApiClient.Answer;

/** The Prometheus scrape of the query side: each partition's lag, Kafka's consumer lag, parked records. */
class QueryMetricsTest extends QueryServiceTest {

    @Test
    void aScrapeWithoutATokenOnTheApisPortIsRefused() {
        assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(401);
    }

    @Test
    void aScrapeShowsEachPartitionsLagAndTheParkedRecords() throws Exception {
        String planId = UUID.randomUUID().toString();
        publishTo(0, new PlanDrafted(planId, 2022, "NAPA", "Napa PMP", Instant.parse("2021-08-20T17:00:00Z")), 0);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer scrape = api().get("/actuator/prometheus", TOKENS.analyst());
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.response().body())
                    .contains("pmp_projection_lag_positions{partition=\"0\"}")
                    .contains("pmp_projection_lag_seconds{partition=\"0\"}")
                    .contains("pmp_intake_parked")
                    .contains("kafka_consumer_fetch_manager_records_lag");
        });
    }
}

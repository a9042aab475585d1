package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/** The Prometheus scrape on the API's port: a reader of the whole state may scrape; nobody else. */
class MetricsTest extends CommandServiceTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyMeterIsRecordedOnceInThePrometheusRegistryAlone() {
        assertThat(context.getBeansOfType(MeterRegistry.class).values())
                .noneMatch(registry -> registry instanceof SimpleMeterRegistry);
    }

    @Test
    void aScrapeWithoutATokenOnTheApisPortIsRefused() {
        assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(401);
    }

    @Test
    void anAgencyEditorCannotScrape() {
        assertThat(api().get("/actuator/prometheus", TOKENS.lcsaEditor("KERN")).status())
                .isEqualTo(403);
    }

    @Test
    void aScrapeShowsCommandsByTypeAndOutcomeHowBusyTheCommandBusIsPublicationLagAndThePublishersLatency() {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2022), Map.of());

        Answer scrape = api().get("/actuator/prometheus", TOKENS.analyst());

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.response().body())
                .contains("pmp_publication_lag_events")
                .contains("pmp_publication_lag_seconds")
                .contains("pmp_commands_group_size")
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/v1/cycles\"")
                .containsPattern("(?m)^commandBus_successCounter_total\\{.*payloadType=\"OpenPlanningCycle\"")
                .containsPattern("(?m)^commandBus_capacity\\{.*payloadType=\"OpenPlanningCycle\"")
                .containsPattern("(?m)^eventProcessor_latency\\{.*kafka-publisher");
    }
}

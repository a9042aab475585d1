package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient;

/**
 * With a management port of its own (as the Kubernetes manifests run the services), the scrape and the probes there
 * need no token, while the API's port still refuses a scrape without one.
 */
@TestPropertySource(properties = "management.server.port=0")
@DirtiesContext // its context, the only one with a management port, closes after it rather than at the JVM's exit
class ManagementPortTest extends CommandServiceTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void aScrapeOnTheManagementPortNeedsNoToken() {
        var scrape = new ApiClient("http://127.0.0.1:" + managementPort).get("/actuator/prometheus", null);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.response().body()).contains("pmp_publication_lag_events");
    }

    @Test
    void theReadinessProbeOnTheManagementPortNamesTheDatabase() {
        var readiness = new ApiClient("http://127.0.0.1:" + managementPort).get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.response().body()).contains("\"db\"");
    }

    @Test
    void theReadinessProbeNamesTheBrokerOnceAsked() {
        ApiClient management = new ApiClient("http://127.0.0.1:" + managementPort);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode broker = management
                    .get("/actuator/health/readiness", null)
                    .body()
                    .get("components")
                    .get("broker");
            assertThat(broker.get("status").asString()).isEqualTo("UP");
        });
    }

    @Test
    void theApisPortServesNoActuatorEndpointOnceTheyHaveAPortOfTheirOwn() {
        assertThat(api().get("/actuator/prometheus", TOKENS.analyst()).status()).isEqualTo(404);
    }

    @Test
    void theApisPortStillRefusesARequestWithoutAToken() {
        assertThat(api().get("/api/v1/audit/verification", null).status()).isEqualTo(401);
    }
}

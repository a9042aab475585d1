package org.pmpledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * In the local profile the dashboard's identity picker signs in with the query service's own {@code /dev/tokens}, and
 * the pages come under their Content-Security-Policy.
 *
 * <p>The profile makes a Spring context of its own beside the shared one, on the same topic and database. Its intake
 * stays stopped, so it never joins the projections' consumer group and takes no partition from the shared context
 * (whose tests read that context's intake, as its health does); the context is closed after these tests.
 */
@ActiveProfiles("local")
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
@DirtiesContext
class DashboardLocalProfileTest extends QueryServiceTest {

    @Test
    void theQueryServiceHandsOutLocalTokensItAccepts() {
        Answer minted = api().post("/dev/tokens", null, Map.of("sub", "picker", "roles", List.of("ANALYST")));

        Answer agencies =
                api().get("/api/v1/agencies", minted.body().get("access_token").asString());

        assertThat(agencies.status()).isEqualTo(200);
    }

    @Test
    void aGetOfDevTokensIs405SoThePickerKnowsTokensAreHandedOut() {
        assertThat(api().get("/dev/tokens", null).status()).isEqualTo(405);
    }

    @Test
    void thePagesNeedNoTokenAndComeUnderTheirPolicy() {
        Answer page = api().get("/dashboard/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().body()).contains("<title>PMP Ledger dashboard</title>");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(DashboardPages.POLICY);
    }
}

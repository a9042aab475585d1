package org.pmpledger.query.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.query.QueryServiceTest;

/** The agencies of the reference data, for every role. */
class AgencyControllerTest extends QueryServiceTest {

    @Test
    void theAgenciesComeWithTheirNamesAndRegions() {
        JsonNode agencies =
                api().get("/api/v1/agencies", TOKENS.lcsaEditor("NAPA")).body();

        assertThat(agencies).anySatisfy(agency -> {
            assertThat(agency.get("code").asString()).isEqualTo("KERN");
            assertThat(agency.get("name").asString()).isEqualTo("Kern County Department of Child Support Services");
            assertThat(agency.get("region").asString()).isEqualTo("Southern");
        });
    }
}

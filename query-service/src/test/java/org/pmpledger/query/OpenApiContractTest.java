package org.pmpledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.OpenApiCompleteness;

/** The query service's OpenAPI document is complete for a generated client: typed answers, headers, problems (none of its operations is a command). */
class OpenApiContractTest extends QueryServiceTest {

    @Test
    void everyOperationHasItsTypesHeadersAndProblems() throws IOException {
        Answer served = api().get("/v3/api-docs", null);
        Files.writeString(Path.of("target/openapi.json"), served.response().body()); // for a reader of the build

        assertThat(OpenApiCompleteness.defects(served.body(), operation -> false))
                .isEmpty();
    }
}

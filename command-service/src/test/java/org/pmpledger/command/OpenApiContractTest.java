package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.OpenApiCompleteness;

/**
 * The command service's OpenAPI document is complete for a generated client: typed answers, every header, every problem
 * answer of every operation; a command (any operation but a read and the audit log's) also its Idempotency-Key and
 * If-Match, and the domain's 409, 412 and 422.
 */
class OpenApiContractTest extends CommandServiceTest {

    @Test
    void everyOperationHasItsTypesHeadersAndProblems() throws IOException {
        Answer served = api().get("/v3/api-docs", null);
        Files.writeString(Path.of("target/openapi.json"), served.response().body()); // for a reader of the build

        assertThat(OpenApiCompleteness.defects(served.body(), OpenApiContractTest::isCommand))
                .isEmpty();
    }

    @Test
    void theAuditLogsCheckpointIsNoCommand() {
        JsonNode record = api().get("/v3/api-docs", null)
                .body()
                .get("paths")
                .get("/api/v1/audit/checkpoints")
                .get("post");

        assertThat(record.get("parameters"))
                .extracting(parameter -> parameter.get("name").asString())
                .doesNotContain("Idempotency-Key");
    }

    private static boolean isCommand(String operation) {
        return !operation.startsWith("GET ") && !operation.contains(" /api/v1/audit/");
    }
}

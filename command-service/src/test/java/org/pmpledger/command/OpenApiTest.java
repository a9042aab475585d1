package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient.Answer;

/** Every command of API.md is in the OpenAPI document, with its summary naming the command and its roles. */
class OpenApiTest extends CommandServiceTest {

    @Test
    void everyCommandIsDocumented() {
        Answer docs = api().get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        List<String> summaries = new ArrayList<>();
        docs.body()
                .get("paths")
                .forEach(path -> path.forEach(operation -> {
                    JsonNode summary = operation.get("summary");
                    if (summary != null) {
                        summaries.add(summary.asString().split(" ")[0]);
                    }
                }));
        assertThat(summaries)
                .contains(
                        "OpenPlanningCycle",
                        "RecordAgencyIndicatorValues",
                        "DraftPlan",
                        "AddPlanEntry",
                        "ReviseMeasurement",
                        "RemovePlanEntry",
                        "AddTactic",
                        "ReviseTactic",
                        "ChangeTacticStatus",
                        "WithdrawTactic",
                        "SubmitPlan",
                        "ReviewPlan",
                        "CommentOnPlan",
                        "RecordQuarterlyProgress",
                        "SubmitFinalResults");
        assertThat(docs.body().get("paths").has("/api/v1/plans/{planId}/entries/{entryId}/progress/{quarter}"))
                .isTrue();
    }
}

package org.pmpledger.command.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/** RecordQuarterlyProgress in bulk: one request, one transaction, every item or none. */
class ProgressBatchTest extends CommandServiceTest {

    private static final int FFY = 2086;
    private static final String SERVICE = TOKENS.token("bulk-app", List.of("SERVICE", "STATE_ADMIN"), "*", null);

    private record ApprovedPlan(String planId, String entryId) {}

    private static final Map<String, ApprovedPlan> plans = new HashMap<>();

    /** An approved FFY 2086 plan of the agency with one entry; the clock is then in Q2 of the FFY. */
    private ApprovedPlan approvedPlan(String lcsa) {
        if (!plans.containsKey(lcsa)) {
            CLOCK.set("2085-08-20T17:00:00Z");
            api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
            String editor = TOKENS.lcsaEditor(lcsa);
            String planId = api().post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", lcsa))
                    .body()
                    .get("id")
                    .asString();
            String entryId = api().post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1())
                    .body()
                    .get("id")
                    .asString();
            api().post("/api/v1/plans/" + planId + "/submission", editor, null);
            String ra = TOKENS.token("ra-north@dcss", List.of("REGIONAL_ADMIN"), null, "Northern");
            assertThat(api().post("/api/v1/plans/" + planId + "/review", ra, Map.of("decision", "APPROVE"))
                            .status())
                    .isEqualTo(200);
            plans.put(lcsa, new ApprovedPlan(planId, entryId));
        }
        CLOCK.set("2086-02-10T17:00:00Z");
        return plans.get(lcsa);
    }

    private static Map<String, Object> item(ApprovedPlan plan, String quarter, double value, String reason) {
        Map<String, Object> item = new HashMap<>(Map.of(
                "planId",
                plan.planId(),
                "entryId",
                plan.entryId(),
                "quarter",
                quarter,
                "value",
                value,
                "narrative",
                "Bulk " + quarter));
        if (reason != null) {
            item.put("reason", reason);
        }
        return item;
    }

    private long versionOf(ApprovedPlan plan) {
        return api().get("/api/v1/audit/plans/" + plan.planId() + "/events?size=1", TOKENS.stateAdmin())
                .body()
                .get("total")
                .asLong();
    }

    @Test
    void batchStoresEveryItemInOneTransactionAndAnswersEachPlansHead() {
        ApprovedPlan glenn = approvedPlan("GLENN");
        ApprovedPlan delNorte = approvedPlan("DEL_NORTE");
        long glennBefore = versionOf(glenn);

        Answer answer = api().post(
                        "/api/v1/progress-batches",
                        SERVICE,
                        Map.of(
                                "items",
                                List.of(
                                        item(glenn, "Q1", 61.7, null),
                                        item(delNorte, "Q1", 59.2, null),
                                        item(glenn, "Q1", 61.9, "refreshed"))));

        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        assertThat(answer.body().get("commands").asInt()).isEqualTo(3);
        assertThat(answer.body().get("plans")).hasSize(2);
        assertThat(answer.body().get("plans").get(0).get("id").asString()).isEqualTo(glenn.planId());
        assertThat(answer.body().get("plans").get(0).get("version").asLong()).isEqualTo(glennBefore + 2);
        assertThat(answer.body().get("position").asLong())
                .isEqualTo(answer.body().get("plans").get(0).get("position").asLong());
    }

    @Test
    void refusedItemStoresNothingAndIsNamed() {
        ApprovedPlan mendocino = approvedPlan("MENDOCINO");
        long before = versionOf(mendocino);
        List<Map<String, Object>> items = new ArrayList<>(List.of(
                item(mendocino, "Q1", 70.1, null),
                item(mendocino, "Q4", 70.3, null))); // Q4 has not begun on 2086-02-10

        Answer answer = api().post("/api/v1/progress-batches", SERVICE, Map.of("items", items));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).endsWith("/quarter-must-have-begun");
        assertThat(answer.body().get("detail").asString()).startsWith("items[1]: ");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).startsWith("items[1]");
        assertThat(versionOf(mendocino)).isEqualTo(before);
    }

    @Test
    void editorCannotRecordForAnotherAgencyInABatch() {
        ApprovedPlan mariposa = approvedPlan("MARIPOSA");

        Answer answer = api().post(
                        "/api/v1/progress-batches",
                        TOKENS.lcsaEditor("GLENN"),
                        Map.of("items", List.of(item(mariposa, "Q1", 50.0, null))));

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void emptyOrMalformedBatchIsRefusedNamingTheField() {
        Answer empty = api().post("/api/v1/progress-batches", SERVICE, Map.of("items", List.of()));
        Answer badQuarter = api().post(
                        "/api/v1/progress-batches",
                        SERVICE,
                        Map.of(
                                "items",
                                List.of(Map.of(
                                        "planId",
                                        UUID.randomUUID().toString(),
                                        "entryId",
                                        UUID.randomUUID().toString(),
                                        "quarter",
                                        "Q5",
                                        "value",
                                        1,
                                        "narrative",
                                        "n"))));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").get(0).get("field").asString()).isEqualTo("items");
        assertThat(badQuarter.status()).isEqualTo(400);
        assertThat(badQuarter.body().get("errors").get(0).get("field").asString())
                .isEqualTo("items[0].quarter");
    }
}

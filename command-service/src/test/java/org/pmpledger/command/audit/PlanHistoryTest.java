package org.pmpledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/** A plan's history from the event store, as paged JSON and as streamed JSON lines; every audit read recorded. */
class PlanHistoryTest extends CommandServiceTest {

    @LocalServerPort
    int serverPort;

    private final String auditor = TOKENS.token("history-auditor@dcss", List.of("AUDITOR"), null, null);

    private String planWithHistory() {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2076));
        String editor = TOKENS.lcsaEditor("TEHAMA");
        String plan = api().post(
                        "/api/v1/plans",
                        editor,
                        Map.of("ffy", 2076, "lcsa", "TEHAMA"),
                        Map.of("Idempotency-Key", "h-draft"))
                .body()
                .get("id")
                .asString();
        api().post(
                        "/api/v1/plans/" + plan + "/entries",
                        editor,
                        Ffy2022.entryForInitiative1(),
                        Map.of("Idempotency-Key", "h-entry"));
        api().post("/api/v1/plans/" + plan + "/submission", editor, null, Map.of("X-Correlation-Id", "trace-123"));
        return plan;
    }

    @Test
    void historyListsEveryEventWithWhoWhenWhatAndWhy() {
        String plan = planWithHistoryOnce();

        Answer answer = api().get("/api/v1/audit/plans/" + plan + "/events?size=2", auditor);
        Answer second = api().get("/api/v1/audit/plans/" + plan + "/events?size=2&page=1", auditor);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("total").asLong()).isEqualTo(3);
        JsonNode first = answer.body().get("events").get(0);
        assertThat(first.get("type").asString()).isEqualTo("pmp.plan.PlanDrafted");
        assertThat(first.get("who").get("subject").asString()).isEqualTo("editor@tehama");
        assertThat(first.get("who").get("lcsa").asString()).isEqualTo("TEHAMA");
        assertThat(first.get("idempotencyKey").asString()).isEqualTo("h-draft");
        assertThat(first.get("clientId").asString()).isEqualTo("test-client");
        assertThat(first.get("businessTime").get("ffy").asInt()).isEqualTo(2076);
        assertThat(first.get("payload").get("lcsa").asString()).isEqualTo("TEHAMA");
        assertThat(first.get("eventHash").asString()).hasSize(64);
        JsonNode submitted = second.body().get("events").get(0);
        assertThat(submitted.get("type").asString()).isEqualTo("pmp.plan.PlanSubmitted");
        assertThat(submitted.get("traceId").asString()).isEqualTo("trace-123");
        assertThat(submitted.get("previousHash").asString())
                .isEqualTo(answer.body().get("events").get(1).get("eventHash").asString());
    }

    @Test
    void historyStreamsAsJsonLines() {
        String plan = planWithHistoryOnce();

        Answer lines = api().send(
                        "GET",
                        "/api/v1/audit/plans/" + plan + "/events",
                        auditor,
                        null,
                        Map.of("Accept", "application/x-ndjson"));

        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.contentType()).startsWith("application/x-ndjson");
        List<String> events = lines.response().body().lines().toList();
        assertThat(events).hasSize(3);
        assertThat(ApiClient.json(events.get(2)).get("type").asString()).isEqualTo("pmp.plan.PlanSubmitted");
    }

    @Test
    void everyAuditReadIsRecordedAndVisibleToAuditors() {
        String plan = planWithHistoryOnce();
        api().get("/api/v1/audit/verification?planId=" + plan, auditor);

        Answer reads = api().get("/api/v1/audit/reads", auditor);

        assertThat(reads.body().get("reads").findValuesAsString("what"))
                .anyMatch(what -> what.equals("GET /api/v1/audit/verification?planId=" + plan));
        assertThat(reads.body().get("reads").get(0).get("subject").asString()).isEqualTo("history-auditor@dcss");
    }

    @Test
    void logSearchFiltersByActorAgencyTypeAndTime() {
        String plan = planWithHistoryOnce();

        Answer submitted = api().get("/api/v1/audit/events?agency=TEHAMA&type=pmp.plan.PlanSubmitted", auditor);
        Answer byActor = api().get("/api/v1/audit/events?actor=editor@tehama&from=2000-01-01T00:00:00Z", auditor);
        Answer none = api().get("/api/v1/audit/events?actor=editor@tehama&to=2000-01-01T00:00:00Z", auditor);
        Answer lines = api().send(
                        "GET",
                        "/api/v1/audit/events?actor=editor@tehama",
                        auditor,
                        null,
                        Map.of("Accept", "application/x-ndjson"));

        assertThat(submitted.body().get("events"))
                .extracting(e -> e.get("streamId").asString())
                .containsExactly(plan);
        assertThat(byActor.body().get("events"))
                .extracting(e -> e.get("type").asString())
                .containsExactly("pmp.plan.PlanDrafted", "pmp.plan.PlanEntryAdded", "pmp.plan.PlanSubmitted");
        assertThat(none.body().get("events")).isEmpty();
        assertThat(lines.contentType()).startsWith("application/x-ndjson");
        assertThat(lines.response().body().lines()).hasSize(3);
    }

    @Test
    void canonicalBytesHashToTheEventHashAndBeginWithThePreviousOne() throws Exception {
        String plan = planWithHistoryOnce();
        JsonNode events = api().get("/api/v1/audit/plans/" + plan + "/events", auditor)
                .body()
                .get("events");

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + "/api/v1/audit/plans/"
                                        + plan + "/events/2/canonical"))
                                .header("Authorization", "Bearer " + auditor)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] canonical = response.body();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)))
                .isEqualTo(events.get(1).get("eventHash").asString());
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(canonical, 32)))
                .isEqualTo(events.get(0).get("eventHash").asString());
        assertThat(new String(canonical, 32, canonical.length - 32, StandardCharsets.UTF_8))
                .startsWith(events.get(1).get("eventId").asString() + "\n" + plan
                        + "\n1\norg.pmpledger.events.plan.PlanEntryAdded\n");
    }

    @Test
    void analystCannotReadTheAuditLog() {
        Answer answer = api().get("/api/v1/audit/plans/x/events", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static String once;

    private String planWithHistoryOnce() {
        if (once == null) {
            once = planWithHistory();
        }
        return once;
    }
}

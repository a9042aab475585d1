package org.pmpledger.query.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.plan.AssistanceRequestAdvanced;
import org.pmpledger.events.plan.AssistanceRequestCommented;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.AssistanceStatus;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * The report of requests for state assistance: oldest first, each with its age and region, open ones summed per region,
 * agency roles seeing their own; and the plan's document holding its requests with their steps and comments.
 */
class AssistanceReportTest extends QueryServiceTest {

    private static final int FFY = 2065;
    private static final String NOW = "2065-02-01T20:00:00Z";
    private static final String KERN_PLAN = UUID.randomUUID().toString();
    private static final String NAPA_PLAN = UUID.randomUUID().toString();
    private static long through;

    @BeforeEach
    void requestsInTwoRegions() throws Exception {
        CLOCK.set(NOW);
        synchronized (AssistanceReportTest.class) {
            if (through > 0) {
                return;
            }
            publish(cycleWithSpm2(FFY, LocalDate.parse("2064-09-15"), null, at("2064-08-01")), 0);
            publishStream(List.of(
                    new PlanDrafted(KERN_PLAN, FFY, "KERN", "Kern PMP", at("2064-08-20")),
                    spm2Entry(KERN_PLAN, FFY, "KERN", at("2064-08-21")),
                    raised(KERN_PLAN, "KERN", "a", "e-1", "2065-01-05", "2065-03-01"),
                    new AssistanceRequestCommented(
                            KERN_PLAN,
                            FFY,
                            "KERN",
                            "a",
                            "editor@kern",
                            "LCSA_EDITOR",
                            "About 1,200 cases",
                            at("2065-01-06")),
                    step(KERN_PLAN, "KERN", "a", AssistanceStatus.ACKNOWLEDGED, "Southern", null, "2065-01-07"),
                    step(
                            KERN_PLAN,
                            "KERN",
                            "a",
                            AssistanceStatus.ESCALATED,
                            "Southern",
                            "Needs an agreement",
                            "2065-01-08")));
            publishStream(List.of(
                    new PlanDrafted(NAPA_PLAN, FFY, "NAPA", "Napa PMP", at("2064-08-20")),
                    spm2Entry(NAPA_PLAN, FFY, "NAPA", at("2064-08-21")),
                    raised(NAPA_PLAN, "NAPA", "b", null, "2065-01-10", "2065-01-31"),
                    step(NAPA_PLAN, "NAPA", "b", AssistanceStatus.ACKNOWLEDGED, "Northern", null, "2065-01-11"),
                    step(NAPA_PLAN, "NAPA", "b", AssistanceStatus.ESCALATED, "Northern", "Legal review", "2065-01-12"),
                    step(NAPA_PLAN, "NAPA", "b", AssistanceStatus.RESPONDED, null, "Reviewed", "2065-01-13"),
                    step(NAPA_PLAN, "NAPA", "b", AssistanceStatus.RESOLVED, null, "Signed", "2065-01-14"),
                    raised(NAPA_PLAN, "NAPA", "c", null, "2065-01-20", "2065-01-25")));
            through = watermark();
        }
    }

    private static Instant at(String date) {
        return Instant.parse(date + "T18:00:00Z");
    }

    private static AssistanceRequested raised(
            String plan, String lcsa, String request, String entryId, String on, String neededBy) {
        return new AssistanceRequested(
                plan,
                FFY,
                lcsa,
                request,
                entryId,
                null,
                "Help with " + request,
                "DCSS Executive Staff",
                LocalDate.parse(neededBy),
                "editor@" + lcsa.toLowerCase(),
                at(on));
    }

    private static AssistanceRequestAdvanced step(
            String plan, String lcsa, String request, AssistanceStatus status, String region, String note, String on) {
        return new AssistanceRequestAdvanced(
                plan, FFY, lcsa, request, status, region == null ? "exec@dcss" : "ra@" + region, region, note, at(on));
    }

    private JsonNode report(String query, String token) {
        Answer answer = api().get("/api/v1/assistance-requests?ffy=" + FFY + "&minPosition=" + through + query, token);
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void requestsAreListedOldestFirstWithTheirAgeRegionAndWhetherOverdue() {
        JsonNode requests = report("", TOKENS.analyst()).get("requests");

        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).get("requestId").asString()).isEqualTo("a");
        assertThat(requests.get(0).get("region").asString()).isEqualTo("Southern");
        assertThat(requests.get(0).get("status").asString()).isEqualTo("ESCALATED");
        assertThat(requests.get(0).get("ageDays").asInt()).isEqualTo(27);
        assertThat(requests.get(0).get("overdue").asBoolean()).isFalse();
        assertThat(requests.get(2).get("requestId").asString()).isEqualTo("c");
        assertThat(requests.get(2).get("ageDays").asInt()).isEqualTo(12);
        assertThat(requests.get(2).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void eachRegionCountsItsOpenRequestsByStatusWithTheOldestsAge() {
        JsonNode byRegion = report("", TOKENS.analyst()).get("byRegion");

        assertThat(byRegion.get("Southern").get("open").asInt()).isEqualTo(1);
        assertThat(byRegion.get("Southern").get("byStatus").get("ESCALATED").asInt())
                .isEqualTo(1);
        assertThat(byRegion.get("Southern").get("oldestDays").asInt()).isEqualTo(27);
        assertThat(byRegion.get("Northern").get("open").asInt()).isEqualTo(1);
        assertThat(byRegion.get("Northern").get("overdue").asInt()).isEqualTo(1);
        assertThat(byRegion.get("Northern").get("oldestDays").asInt()).isEqualTo(12);
    }

    @Test
    void openRequestsLeaveOutTheResolvedOnes() {
        JsonNode requests = report("&open=true", TOKENS.analyst()).get("requests");

        assertThat(requests).extracting(r -> r.get("requestId").asString()).containsExactly("a", "c");
    }

    @Test
    void aRegionShowsItsAgenciesRequests() {
        JsonNode requests = report("&region=Northern", TOKENS.analyst()).get("requests");

        assertThat(requests).extracting(r -> r.get("lcsa").asString()).containsOnly("NAPA");
    }

    @Test
    void anAgencyEditorSeesItsOwnAgencysRequestsOnly() {
        JsonNode requests = report("", TOKENS.lcsaEditor("KERN")).get("requests");

        assertThat(requests).extracting(r -> r.get("lcsa").asString()).containsExactly("KERN");
    }

    @Test
    void theReportComesAsCsvWithTheRegionOnEveryLine() {
        Answer csv = api().get(
                        "/api/v1/assistance-requests?ffy=" + FFY + "&format=csv&minPosition=" + through,
                        TOKENS.analyst());

        List<String> lines = csv.response().body().lines().toList();
        assertThat(lines.getFirst()).startsWith("lcsa,plan_id,ffy,request_id").endsWith(",overdue,region");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("KERN,").endsWith(",Southern");
    }

    @Test
    void thePlansDocumentHoldsItsRequestsWithTheirStepsAndComments() {
        JsonNode plan = api().get("/api/v1/plans/" + KERN_PLAN + "?minPosition=" + through, TOKENS.analyst())
                .body();

        JsonNode request = plan.get("assistanceRequests").get(0);
        assertThat(request.get("status").asString()).isEqualTo("ESCALATED");
        assertThat(request.get("entryId").asString()).isEqualTo("e-1");
        assertThat(request.get("notes"))
                .extracting(n -> n.get("kind").asString())
                .containsExactly("COMMENT", "ACKNOWLEDGED", "ESCALATED");
        assertThat(request.get("notes").get(2).get("text").asString()).isEqualTo("Needs an agreement");
    }
}

package org.pmpledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * query-service folding events from a real Kafka broker into PostgreSQL, read over HTTP. The events
 * are put on the topic the way command-service's publisher does (key, CloudEvents headers, JSON).
 */
class PlanProjectionTest extends QueryServiceTest {

    @Autowired
    DSLContext db;

    private static PlanDrafted drafted(String planId, String lcsa) {
        return new PlanDrafted(planId, 2022, lcsa, "PMP " + lcsa, Instant.parse("2021-08-20T17:30:00Z"));
    }

    private static PlanSubmitted submitted(String planId, String lcsa) {
        return new PlanSubmitted(
                planId, 2022, lcsa, 1, LocalDate.parse("2021-09-15"), true, 2, Instant.parse("2021-09-17T18:05:00Z"));
    }

    @Test
    void publishedEventsBecomeThePlanSummary() throws Exception {
        String planId = UUID.randomUUID().toString();
        publish(drafted(planId, "ALAMEDA"), 0);
        publish(submitted(planId, "ALAMEDA"), 1);

        Answer plan = api().get("/api/v1/plans/" + planId + "?minVersion=2", TOKENS.analyst());

        assertThat(plan.status()).as(plan.response().body()).isEqualTo(200);
        assertThat(plan.header("ETag")).isEqualTo("\"2\"");
        assertThat(plan.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(plan.body().get("lcsa").asString()).isEqualTo("ALAMEDA");
        assertThat(plan.body().get("daysLate").asInt()).isEqualTo(2);
        Answer list = api().get("/api/v1/plans?ffy=2022&lcsa=ALAMEDA", TOKENS.analyst());
        assertThat(list.body().get("items").findValuesAsString("planId")).contains(planId);
    }

    @Test
    void reviewAndFinalResultsMoveTheStatusAndEveryPlanEventTheVersion() throws Exception {
        String planId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2021-09-20T17:00:00Z");
        publish(drafted(planId, "FRESNO"), 0);
        publish(submitted(planId, "FRESNO"), 1);
        publish(new PlanReturned(planId, 2022, "FRESNO", 1, "ra", "Northern", "Add a tactic", at), 2);
        Answer returned = api().get("/api/v1/plans/" + planId + "?minVersion=3", TOKENS.analyst());
        publish(
                new TacticAdded(
                        planId,
                        2022,
                        "FRESNO",
                        "t-1",
                        "e-1",
                        "Tactic",
                        List.of("Lead"),
                        null,
                        LocalDate.parse("2022-03-31"),
                        null,
                        false,
                        at),
                3);
        publish(new PlanSubmitted(planId, 2022, "FRESNO", 2, LocalDate.parse("2021-09-15"), true, 6, at), 4);
        publish(new PlanApproved(planId, 2022, "FRESNO", 2, "ra", "Northern", null, at), 5);
        Answer approved = api().get("/api/v1/plans/" + planId + "?minVersion=6", TOKENS.analyst());
        publish(
                new TacticAdded(
                        planId,
                        2022,
                        "FRESNO",
                        "t-2",
                        "e-1",
                        "Amending tactic",
                        List.of("Lead"),
                        null,
                        LocalDate.parse("2022-06-30"),
                        null,
                        true,
                        Instant.parse("2021-11-02T17:00:00Z")),
                6);
        publish(new FinalResultsSubmitted(planId, 2022, "FRESNO", null, List.of(), null, false, 0, at), 7);

        Answer closed = api().get("/api/v1/plans/" + planId + "?minVersion=8", TOKENS.analyst());

        assertThat(returned.body().get("status").asString()).isEqualTo("RETURNED");
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(closed.body().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().get("version").asLong()).isEqualTo(8);
        assertThat(approved.body().get("amendments").asInt()).isZero();
        assertThat(closed.body().get("amendments").asInt()).isEqualTo(1);
        assertThat(closed.body().get("lastAmendedAt").asString()).isEqualTo("2021-11-02T17:00:00Z");
    }

    @Test
    void recordOfAnOlderRevisionStillOnTheTopicIsUpcastAndApplied() throws Exception {
        byte[] v1 = PlanProjectionTest.class
                .getResourceAsStream("/published/PlanningCycleOpened.v1.json")
                .readAllBytes();
        publish("cycle-2050", "pmp.cycle.PlanningCycleOpened", 1, v1, 0);
        String marker = UUID.randomUUID().toString();
        publish(drafted(marker, "KERN"), 0);

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        api().get("/api/v1/plans/" + marker, TOKENS.analyst()).status() == 200);

        assertThat(db.fetchOne(CYCLE_SUMMARY, CYCLE_SUMMARY.FFY.eq(2050)))
                .as("the revision-1 cycle in cycle_summary")
                .isNotNull()
                .extracting(r -> r.getPlanDueDate().toString())
                .isEqualTo("2049-09-15");
    }

    @Test
    void theSameRecordDeliveredTwiceIsAppliedOnce() throws Exception {
        String planId = UUID.randomUUID().toString();
        publish(drafted(planId, "KERN"), 0);
        publish(submitted(planId, "KERN"), 1);
        publish(submitted(planId, "KERN"), 1);
        String marker = UUID.randomUUID().toString();
        publish(drafted(marker, "KERN"), 0);

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        api().get("/api/v1/plans/" + marker, TOKENS.analyst()).status() == 200);
        Answer plan = api().get("/api/v1/plans/" + planId, TOKENS.analyst());

        assertThat(plan.body().get("version").asLong()).isEqualTo(2);
        assertThat(plan.body().get("submissions").asInt()).isEqualTo(1);
    }

    @Test
    void readWithoutTokenIs401() {
        Answer answer = api().get("/api/v1/plans?ffy=2022", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void editorOfAnotherAgencyCannotReadThePlan() throws Exception {
        String planId = UUID.randomUUID().toString();
        publish(drafted(planId, "MARIN"), 0);

        Answer answer = api().get("/api/v1/plans/" + planId + "?minVersion=1", TOKENS.lcsaEditor("NAPA"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void versionNotReachedInTimeIs503WithRetryAfter() throws Exception {
        String planId = UUID.randomUUID().toString();
        publish(drafted(planId, "KERN"), 0);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        api().get("/api/v1/plans/" + planId, TOKENS.analyst()).status() == 200);

        Answer answer = api().get("/api/v1/plans/" + planId + "?minVersion=5", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void aPlanTheProjectionsHaveNotSeenByTheEndOfTheWaitIs404() {
        Answer answer = api().get("/api/v1/plans/" + UUID.randomUUID() + "?minVersion=1", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anIdThatIsNoPlanIdIs404AtOnce() {
        Answer answer = api().get("/api/v1/plans/cycle-2022?minVersion=1", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("planId");
    }

    @Test
    void badFilterIs400NamingTheParameter() {
        Answer answer = api().get("/api/v1/plans?ffy=twenty", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").findValuesAsString("field")).containsExactly("ffy");
    }
}

package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.EventHeaders;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * A record the intake cannot apply parks itself and holds only its own plan: every other plan flows, the record waits
 * with its reason where a STATE_ADMIN sees, retries and releases it, and nothing is applied twice.
 */
class ParkedRecordsTest extends QueryServiceTest {

    private static final Instant AT = Instant.parse("2071-08-20T17:00:00Z");
    private static final int FFY = 2072;

    private static boolean idsAbove127;

    @Autowired
    DSLContext db;

    /** Parked ids beyond the small numbers Java keeps one boxed Long of each: ids compare by value, never by identity. */
    @BeforeEach
    void parkedIdsBeyond127() {
        if (!idsAbove127) {
            db.execute("ALTER TABLE parked_record ALTER COLUMN parked_id RESTART WITH 1000");
            idsAbove127 = true;
        }
    }

    private static String plan() {
        return UUID.randomUUID().toString();
    }

    private static PlanDrafted drafted(String plan, String lcsa) {
        return new PlanDrafted(plan, FFY, lcsa, lcsa + " PMP", AT);
    }

    private static PlanEntryAdded entry(String plan, String lcsa) {
        return new PlanEntryAdded(
                plan,
                FFY,
                lcsa,
                "e-1",
                1,
                null,
                "Own",
                null,
                null,
                new Measurement(null, "Outreach events", MeasureUnit.COUNT, BigDecimal.TEN, new BigDecimal("20")),
                false,
                AT);
    }

    private static PlanCommented comment(String plan, String lcsa, String text) {
        return new PlanCommented(plan, FFY, lcsa, null, "ra@north", "Northern", text, AT);
    }

    private Answer plan(String planId) {
        return api().get("/api/v1/plans/" + planId, TOKENS.analyst());
    }

    private void readableWithinFiveSeconds(String planId, long version) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    Answer read = plan(planId);
                    assertThat(read.status()).as(read.response().body()).isEqualTo(200);
                    assertThat(read.body().get("version").asLong()).isEqualTo(version);
                });
    }

    private JsonNode parkedOf(String planId) {
        JsonNode list = api().get("/api/v1/admin/parked?limit=1000", TOKENS.stateAdmin())
                .body();
        return JSON.createArrayNode()
                .addAll(StreamSupport.stream(list.get("records").spliterator(), false)
                        .filter(record -> planId.equals(record.get("streamId").asString(null)))
                        .toList());
    }

    @Test
    void anUnreadableRecordParksItsPlanWhileOtherPlansOnItsOwnAndOtherPartitionsFlowAndReleaseCatchesItUp()
            throws Exception {
        String held = plan();
        publishTo(0, drafted(held, "ALAMEDA"), 0);
        publishTo(0, entry(held, "ALAMEDA"), 1);
        readableWithinFiveSeconds(held, 2);

        publishRaw(
                0,
                held,
                Map.of(
                        EventHeaders.TYPE,
                        "pmp.plan.PlanCommented",
                        EventHeaders.REVISION,
                        "1",
                        EventHeaders.SEQUENCE,
                        "2",
                        EventHeaders.ID,
                        UUID.randomUUID().toString()),
                "{not json".getBytes(StandardCharsets.UTF_8));
        publishTo(0, comment(held, "ALAMEDA", "After the unreadable one"), 3);
        String samePartition = plan();
        String otherPartition = plan();
        publishTo(0, drafted(samePartition, "FRESNO"), 0);
        publishTo(1, drafted(otherPartition, "KERN"), 0);

        readableWithinFiveSeconds(samePartition, 1);
        readableWithinFiveSeconds(otherPartition, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> parkedOf(held).size() == 2);
        JsonNode parked = parkedOf(held);
        assertThat(parked)
                .extracting(record -> record.get("reason").asString())
                .anyMatch(reason -> reason.startsWith("unreadable:"))
                .anyMatch(reason -> reason.startsWith("held:"));
        assertThat(plan(held).body().get("version").asLong())
                .as("held at what came before")
                .isEqualTo(2);
        assertThat(api().get("/actuator/health", null)
                        .body()
                        .get("components")
                        .get("intake")
                        .get("status")
                        .asString())
                .isEqualTo("PARKED");
        assertThat(api().get("/api/v1/plans?ffy=" + FFY, TOKENS.analyst())
                        .body()
                        .get("reflects")
                        .get("parked")
                        .asLong())
                .isGreaterThanOrEqualTo(2);

        long unreadable = StreamSupport.stream(parked.spliterator(), false)
                .filter(record -> record.get("reason").asString().startsWith("unreadable:"))
                .findFirst()
                .orElseThrow()
                .get("parkedId")
                .asLong();
        Answer released = api().post("/api/v1/admin/parked/" + unreadable + "/release", TOKENS.stateAdmin(), null);

        assertThat(released.status()).as(released.response().body()).isEqualTo(200);
        assertThat(released.body().get("resolved").asLong()).isEqualTo(2);
        assertThat(released.body().get("waiting").asLong()).isZero();
        readableWithinFiveSeconds(held, 4);
        publishTo(0, comment(held, "ALAMEDA", "After the unreadable one"), 3); // delivered again
        String marker = plan();
        publishTo(0, drafted(marker, "NAPA"), 0);
        readableWithinFiveSeconds(marker, 1);
        JsonNode document = plan(held).body();
        assertThat(document.get("version").asLong()).isEqualTo(4);
        assertThat(document.get("reviews").findValuesAsString("comment")).containsExactly("After the unreadable one");
    }

    @Test
    void aValueTheTablesRefuseParksThatRecordAloneAndTheRestOfItsBatchIsApplied() throws Exception {
        String overflowing = plan();
        publishTo(2, drafted(overflowing, "MARIN"), 0);
        publishTo(2, entry(overflowing, "MARIN"), 1);
        publishTo(
                2,
                new QuarterlyProgressRecorded(
                        overflowing,
                        FFY,
                        "MARIN",
                        "e-1",
                        null,
                        Quarter.Q1,
                        new BigDecimal("1e200000"),
                        "Typo",
                        LocalDate.parse("2072-01-31"),
                        false,
                        0,
                        false,
                        null,
                        null,
                        null,
                        false,
                        AT),
                2);
        String after = plan();
        publishTo(2, drafted(after, "SOLANO"), 0);

        readableWithinFiveSeconds(after, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> parkedOf(overflowing).size() == 1);
        JsonNode refused = parkedOf(overflowing).get(0);
        assertThat(refused.get("reason").asString()).startsWith("not applied:").contains("numeric");
        assertThat(plan(overflowing).body().get("version").asLong()).isEqualTo(2);

        Answer released = api().post(
                        "/api/v1/admin/parked/" + refused.get("parkedId").asLong() + "/release",
                        TOKENS.stateAdmin(),
                        null);
        publishTo(2, comment(overflowing, "MARIN", "After the release"), 3);

        assertThat(released.body().get("resolved").asLong()).isEqualTo(1);
        readableWithinFiveSeconds(overflowing, 4);
        assertThat(plan(overflowing).body().get("entries").get(0).get("quarterlyUpdates"))
                .isEmpty();
    }

    @Test
    void anUnreadableRecordBehindAGapWaitsItsTurnAndIsGivenUpOnlyWhenReleased() throws Exception {
        String gapped = plan();
        publishTo(1, drafted(gapped, "LAKE"), 0);
        publishTo(1, comment(gapped, "LAKE", "second"), 2);
        publishRaw(
                1,
                gapped,
                Map.of(
                        EventHeaders.TYPE,
                        "pmp.plan.PlanCommented",
                        EventHeaders.REVISION,
                        "1",
                        EventHeaders.SEQUENCE,
                        "3",
                        EventHeaders.ID,
                        UUID.randomUUID().toString()),
                "{broken".getBytes(StandardCharsets.UTF_8));
        publishTo(1, entry(gapped, "LAKE"), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> parkedOf(gapped).size() == 3);

        Answer retried = api().post(
                        "/api/v1/admin/parked/"
                                + parkedOf(gapped).get(0).get("parkedId").asLong() + "/retry",
                        TOKENS.stateAdmin(),
                        null);

        assertThat(retried.body().get("resolved").asLong())
                .as("the missing event and the one after it")
                .isEqualTo(2);
        assertThat(retried.body().get("waiting").asLong()).isEqualTo(1);
        readableWithinFiveSeconds(gapped, 3);
        JsonNode unreadable = parkedOf(gapped).get(0);
        assertThat(unreadable.get("reason").asString()).startsWith("unreadable:");
        assertThat(unreadable.get("sequence").asLong()).isEqualTo(3);

        Answer released = api().post(
                        "/api/v1/admin/parked/" + unreadable.get("parkedId").asLong() + "/release",
                        TOKENS.stateAdmin(),
                        null);
        publishTo(1, comment(gapped, "LAKE", "fourth"), 4);

        assertThat(released.body().get("resolved").asLong()).isEqualTo(1);
        readableWithinFiveSeconds(gapped, 5);
    }

    @Test
    void aGapInAPlansSequenceParksWhatComesAfterItUntilTheMissingEventArrivesAndARetryAppliesBothInOrder()
            throws Exception {
        String gapped = plan();
        publishTo(1, drafted(gapped, "BUTTE"), 0);
        publishTo(1, comment(gapped, "BUTTE", "second"), 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> parkedOf(gapped).size() == 1);
        assertThat(parkedOf(gapped).get(0).get("reason").asString()).startsWith("sequence gap:");

        publishTo(1, entry(gapped, "BUTTE"), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> parkedOf(gapped).size() == 2);
        Answer retried = api().post(
                        "/api/v1/admin/parked/"
                                + parkedOf(gapped).get(0).get("parkedId").asLong() + "/retry",
                        TOKENS.stateAdmin(),
                        null);

        assertThat(retried.status()).as(retried.response().body()).isEqualTo(200);
        assertThat(retried.body().get("resolved").asLong()).isEqualTo(2);
        readableWithinFiveSeconds(gapped, 3);
        assertThat(plan(gapped).body().get("entries")).hasSize(1);
    }

    @Test
    void onlyAStateAdminSeesParkedRecords() {
        Answer answer = api().get("/api/v1/admin/parked", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/state-admin-handles-parked-records");
    }
}

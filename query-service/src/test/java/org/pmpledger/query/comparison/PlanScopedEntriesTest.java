package org.pmpledger.query.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * An entry's id names it within its plan (the read model's keys are plan and entry): plans of one cycle may each hold
 * an entry {@code e-1}, and the comparison and the compliance report give every agency its own plan's quarters.
 */
class PlanScopedEntriesTest extends QueryServiceTest {

    private static final int FFY = 2071;
    private static final Instant AT = Instant.parse("2070-08-01T17:00:00Z");

    /** Q1 as each agency's plan recorded it on its entry e-1; KERN's plan has the entry and recorded nothing. */
    private static final Map<String, String> Q1 = Map.of("ALAMEDA", "62.5", "FRESNO", "64.2");

    private static long through;

    @BeforeEach
    void threePlansEachWithAnEntryE1() throws Exception {
        CLOCK.set("2070-12-01T17:00:00Z"); // Q1 has begun, and is not due yet
        if (through > 0) {
            return;
        }
        publish(
                cycleWithSpm2(
                        FFY,
                        LocalDate.parse("2070-09-15"),
                        new QuarterDueDates(
                                LocalDate.parse("2071-01-31"),
                                LocalDate.parse("2071-05-02"),
                                LocalDate.parse("2071-08-01"),
                                LocalDate.parse("2071-10-31")),
                        AT),
                0);
        for (String lcsa : List.of("ALAMEDA", "FRESNO", "KERN")) {
            String planId = "scoped-" + FFY + "-" + lcsa;
            List<PlanEvent> events = new ArrayList<>(
                    List.of(new PlanDrafted(planId, FFY, lcsa, null, AT), spm2Entry(planId, FFY, lcsa, AT)));
            if (Q1.containsKey(lcsa)) {
                events.add(spm2Recording(planId, FFY, lcsa, Quarter.Q1, new BigDecimal(Q1.get(lcsa)), AT));
            }
            publishStream(events);
        }
        through = watermark();
    }

    @Test
    void theComparisonShowsEachAgencyItsOwnPlansValue() {
        JsonNode comparison = read("/api/v1/cycles/" + FFY + "/indicators/SPM-2/comparison");

        Map<String, String> latest = new HashMap<>();
        for (JsonNode row : comparison.get("agencies")) {
            String lcsa = row.get("lcsa").asString();
            if (List.of("ALAMEDA", "FRESNO", "KERN").contains(lcsa)
                    && !row.get("latest").isNull()) {
                latest.put(lcsa, row.get("latest").decimalValue().toPlainString());
            }
        }
        assertThat(latest).isEqualTo(Q1);
    }

    @Test
    void complianceCountsAQuarterOnlyForThePlanThatRecordedIt() {
        JsonNode compliance = read("/api/v1/cycles/" + FFY + "/compliance");

        assertThat(q1State(compliance, "ALAMEDA")).isEqualTo("ON_TIME");
        assertThat(q1State(compliance, "KERN")).isEqualTo("NOT_YET_DUE");
    }

    private JsonNode read(String path) {
        Answer answer = api().get(path + "?minPosition=" + through, TOKENS.analyst());
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.body();
    }

    private static String q1State(JsonNode compliance, String lcsa) {
        for (JsonNode agency : compliance.get("agencies")) {
            if (agency.get("lcsa").asString().equals(lcsa)) {
                return agency.get("quarterly").get(0).get("state").asString();
            }
        }
        throw new AssertionError(lcsa + " not in the answer");
    }
}

package org.pmpledger.query.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.pmpledger.query.jooq.Tables.AGENCY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.cycle.AgencyCaseloadsRecorded;
import org.pmpledger.events.cycle.AgencyCaseloadsRecorded.AgencyCaseload;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.Direction;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * The statewide comparison over a generated cycle: 47 agencies, indicators of both directions, ties,
 * missing quarters, corrections, a target equal to its baseline and a zero baseline; every figure
 * checked against an independent computation made here, in doubles, from the generated values.
 */
class ComparisonTest extends QueryServiceTest {

    private static final int FFY = 2061;
    private static final List<PracticeIndicator> INDICATORS = List.of(
            new PracticeIndicator(
                    "UP-1",
                    "Current support collected",
                    MeasureUnit.PERCENT,
                    Direction.HIGHER_IS_BETTER,
                    new BigDecimal("40")),
            new PracticeIndicator(
                    "DOWN-1", "Days from referral to order", MeasureUnit.COUNT, Direction.LOWER_IS_BETTER));
    private static boolean loaded;
    private static long loadedThrough;
    /** lcsa -> indicator -> generated measure (what the test expects the system to know). */
    private static final Map<String, Map<String, Generated>> GENERATED = new HashMap<>();

    private static List<String> agencies;

    /** One agency's generated measure: baseline, target, and each quarter's final value (null: never recorded). */
    record Generated(String planId, Double baseline, Double target, Double[] quarters, boolean[] corrected) {}

    @Autowired
    DSLContext db;

    @BeforeEach
    void generatedCycle() throws Exception {
        if (loaded) {
            return;
        }
        agencies = db.select(AGENCY.CODE).from(AGENCY).orderBy(AGENCY.CODE).fetch(AGENCY.CODE);
        Instant at = Instant.parse("2060-08-01T17:00:00Z");
        publish(
                new PlanningCycleOpened(
                        "cycle-" + FFY,
                        FFY,
                        LocalDate.parse("2060-09-15"),
                        new QuarterDueDates(
                                LocalDate.parse("2061-01-31"),
                                LocalDate.parse("2061-05-02"),
                                LocalDate.parse("2061-08-01"),
                                LocalDate.parse("2061-10-31")),
                        List.of(new StrategicGoal(1, "Goal", List.of())),
                        List.of(),
                        INDICATORS,
                        List.of(),
                        at),
                0);
        // caseloads for the first nine agencies: three peers each, in the order of the list
        publish(
                new AgencyCaseloadsRecorded(
                        "cycle-" + FFY,
                        FFY,
                        agencies.subList(0, 9).stream()
                                .map(lcsa -> new AgencyCaseload(
                                        lcsa, 1_000L * (1 + agencies.indexOf(lcsa)), LocalDate.parse("2060-09-30")))
                                .toList(),
                        at),
                1);
        Random random = new Random(2061);
        for (int a = 0; a < 47; a++) {
            String lcsa = agencies.get(a);
            String planId = "cmp-" + lcsa;
            List<PlanEvent> events = new ArrayList<>();
            events.add(new PlanDrafted(planId, FFY, lcsa, null, at));
            List<PlanEvent> corrections = new ArrayList<>();
            for (PracticeIndicator indicator : INDICATORS) {
                if (a % 11 == 5 && indicator.code().equals("DOWN-1")) {
                    continue; // a few agencies do not measure every indicator
                }
                boolean up = indicator.direction() == Direction.HIGHER_IS_BETTER;
                double baseline =
                        a == 3 ? 0 : round1(up ? 50 + random.nextInt(300) / 10.0 : 60 + random.nextInt(600) / 10.0);
                double target = a == 4
                        ? baseline
                        : round1(
                                up
                                        ? baseline + 1 + random.nextInt(50) / 10.0
                                        : baseline - 2 - random.nextInt(80) / 10.0);
                String entryId = planId + "-" + indicator.code();
                events.add(new PlanEntryAdded(
                        planId,
                        FFY,
                        lcsa,
                        entryId,
                        1,
                        null,
                        "Own objective",
                        null,
                        null,
                        new Measurement(
                                indicator.code(),
                                indicator.title(),
                                indicator.unit(),
                                BigDecimal.valueOf(baseline),
                                BigDecimal.valueOf(target)),
                        false,
                        at));
                Double[] quarters = new Double[4];
                boolean[] corrected = new boolean[4];
                int reported = a % 7 == 0 ? 0 : 1 + random.nextInt(4); // some report nothing, others up to Q1..Q4
                for (int q = 0; q < reported; q++) {
                    if (q == 1 && a % 5 == 0) {
                        continue; // a missing quarter in the middle
                    }
                    double value = a >= 40 && a < 44
                            ? 66.6
                            : round1(baseline
                                    + (target - baseline) * (q + 1) / 4.0 * (0.3 + random.nextInt(100) / 100.0));
                    quarters[q] = value;
                    events.add(progress(
                            planId, lcsa, entryId, indicator.code(), Quarter.values()[q], value, false, null, at));
                    if (a % 6 == 1 && q == 0) {
                        double fixed = round1(value + 0.7);
                        corrections.add(
                                progress(planId, lcsa, entryId, indicator.code(), Quarter.Q1, fixed, true, value, at));
                        quarters[q] = fixed;
                        corrected[q] = true;
                    }
                }
                GENERATED
                        .computeIfAbsent(lcsa, k -> new HashMap<>())
                        .put(indicator.code(), new Generated(planId, baseline, target, quarters, corrected));
            }
            events.addAll(corrections);
            publishStream(events);
        }
        loadedThrough = watermark();
        loaded = true;
    }

    private static QuarterlyProgressRecorded progress(
            String planId,
            String lcsa,
            String entryId,
            String indicator,
            Quarter q,
            double value,
            boolean correction,
            Double previous,
            Instant at) {
        return new QuarterlyProgressRecorded(
                planId,
                FFY,
                lcsa,
                entryId,
                indicator,
                q,
                BigDecimal.valueOf(value),
                "n",
                null,
                false,
                0,
                correction,
                previous == null ? null : BigDecimal.valueOf(previous),
                null,
                correction ? "fix" : null,
                false,
                at);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private JsonNode comparison(String indicator) {
        Answer answer = api().get(
                        "/api/v1/cycles/" + FFY + "/indicators/" + indicator + "/comparison?minPosition="
                                + loadedThrough,
                        TOKENS.analyst());
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void higherIsBetterIndicatorMatchesAnIndependentComputation() {
        checkAgainstIndependentComputation("UP-1", true);
    }

    @Test
    void lowerIsBetterIndicatorMatchesAnIndependentComputation() {
        checkAgainstIndependentComputation("DOWN-1", false);
    }

    @Test
    void comparisonComesAsCsvWithALinePerAgency() {
        Answer csv = api().send(
                        "GET",
                        "/api/v1/cycles/" + FFY + "/indicators/UP-1/comparison?minPosition=" + loadedThrough,
                        TOKENS.analyst(),
                        null,
                        Map.of("Accept", "text/csv"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("X-Reflects-Position")).isNotNull();
        List<String> lines = csv.response().body().lines().toList();
        assertThat(lines.getFirst()).startsWith("lcsa,plan_id,baseline,target,q1,q1_corrected");
        assertThat(lines).hasSize(1 + agencies.size());
    }

    @Test
    void unknownIndicatorIs404AlsoForACsvReader() {
        Answer answer = api().send(
                        "GET",
                        "/api/v1/cycles/" + FFY + "/indicators/NOPE/comparison",
                        TOKENS.analyst(),
                        null,
                        Map.of("Accept", "text/csv"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theMatrixCellOfAnAgencyAndIndicatorIsItsComparisonRow() {
        JsonNode matrix = api().get("/api/v1/cycles/" + FFY + "/matrix?minPosition=" + loadedThrough, TOKENS.analyst())
                .body();

        assertThat(matrix.get("indicators")).hasSize(INDICATORS.size());
        assertThat(matrix.get("agencies")).hasSize(agencies.size());
        for (PracticeIndicator indicator : INDICATORS) {
            for (JsonNode row : comparison(indicator.code()).get("agencies")) {
                JsonNode cell = cellOf(matrix, row.get("lcsa").asString(), indicator.code());
                assertThat(cell.get("status").asString())
                        .isEqualTo(row.get("status").asString());
                assertThat(cell.get("latest")).isEqualTo(row.get("latest"));
                assertThat(cell.get("rank")).isEqualTo(row.get("rank"));
            }
        }
    }

    @Test
    void theMatrixComesAsCsvWithThreeColumnsPerIndicator() {
        Answer csv = api().get(
                        "/api/v1/cycles/" + FFY + "/matrix?format=csv&minPosition=" + loadedThrough, TOKENS.analyst());

        List<String> lines = csv.response().body().lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("lcsa,DOWN-1_latest,DOWN-1_status,DOWN-1_rank,UP-1_latest,UP-1_status,UP-1_rank,ffy,region");
        assertThat(lines).hasSize(1 + agencies.size());
    }

    @Test
    void anAgencysTrendHoldsItsComparisonRowOfEachCycle() {
        JsonNode row = comparison("UP-1").get("agencies").get(0);
        String lcsa = row.get("lcsa").asString();

        JsonNode trend = api().get(
                        "/api/v1/agencies/" + lcsa + "/indicators/UP-1/trend?minPosition=" + loadedThrough,
                        TOKENS.analyst())
                .body();

        JsonNode cycle = trend.get("cycles")
                .valueStream()
                .filter(c -> c.get("ffy").asInt() == FFY)
                .findFirst()
                .orElseThrow();
        assertThat(cycle.get("agency")).isEqualTo(row);
        assertThat(cycle.get("median"))
                .isEqualTo(comparison("UP-1").get("statewide").get("median"));
    }

    @Test
    void anAgencyEditorReadsOnlyItsOwnAgencysTrend() {
        Answer refused = api().get("/api/v1/agencies/KERN/indicators/UP-1/trend", TOKENS.lcsaEditor("NAPA"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void agenciesWithACaseloadAreGroupedWithPeersOfSimilarSize() {
        JsonNode peers = comparison("UP-1").get("peerGroups");

        assertThat(peers).hasSize(9);
        assertThat(peers.get(agencies.get(0)).asString()).isEqualTo("SMALL");
        assertThat(peers.get(agencies.get(4)).asString()).isEqualTo("MEDIUM");
        assertThat(peers.get(agencies.get(8)).asString()).isEqualTo("LARGE");
        assertThat(peers.has(agencies.get(9))).isFalse();
    }

    @Test
    void eachPeerGroupHasTheMedianOfItsAgenciesLatestValues() {
        JsonNode answer = comparison("UP-1");
        List<Double> large = new ArrayList<>();
        for (JsonNode row : answer.get("agencies")) {
            if ("LARGE"
                            .equals(answer.get("peerGroups")
                                    .path(row.get("lcsa").asString())
                                    .asString(""))
                    && !row.get("latest").isNull()) {
                large.add(row.get("latest").asDouble());
            }
        }
        large.sort(Double::compare);

        assertThat(answer.get("peerMedians").get("LARGE").asDouble()).isCloseTo(median(large), within(0.0001));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @Test
    void anIndicatorsMinimumComesWithItsComparison() {
        assertThat(comparison("UP-1").get("indicator").get("minimum").asInt()).isEqualTo(40);
        assertThat(comparison("DOWN-1").get("indicator").get("minimum").isNull())
                .isTrue();
    }

    @Test
    void theMatrixOfACycleNeverOpenedIs404() {
        Answer answer = api().get("/api/v1/cycles/2099/matrix", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode cellOf(JsonNode matrix, String lcsa, String indicator) {
        for (JsonNode agency : matrix.get("agencies")) {
            if (agency.get("lcsa").asString().equals(lcsa)) {
                return agency.get("cells").get(indicator);
            }
        }
        throw new AssertionError("no row for " + lcsa);
    }

    @Test
    void unknownIndicatorIs404() {
        Answer answer = api().get("/api/v1/cycles/" + FFY + "/indicators/NOPE/comparison", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private void checkAgainstIndependentComputation(String indicator, boolean up) {
        JsonNode answer = comparison(indicator);
        Map<String, Double> latest = new HashMap<>();
        Map<String, String> latestQuarter = new HashMap<>();
        for (String lcsa : agencies) {
            Generated g = GENERATED.getOrDefault(lcsa, Map.of()).get(indicator);
            if (g == null) {
                continue;
            }
            for (int q = 0; q < 4; q++) {
                if (g.quarters()[q] != null) {
                    latest.put(lcsa, g.quarters()[q]);
                    latestQuarter.put(lcsa, "Q" + (q + 1));
                }
            }
        }
        double[] sorted = latest.values().stream()
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        double p25 = percentile(sorted, 0.25);
        double p50 = percentile(sorted, 0.5);
        double p75 = percentile(sorted, 0.75);
        int met = 0;
        assertThat(answer.get("agencies")).hasSize(agencies.size());
        for (JsonNode row : answer.get("agencies")) {
            String lcsa = row.get("lcsa").asString();
            Generated g = GENERATED.getOrDefault(lcsa, Map.of()).get(indicator);
            Double value = latest.get(lcsa);
            String expectedStatus;
            Double share = null;
            if (g == null || value == null) {
                expectedStatus = "NO_DATA";
            } else {
                boolean reached = up ? value >= g.target() : value <= g.target();
                if (g.target().doubleValue() != g.baseline()) {
                    share = (value - g.baseline()) / (g.target() - g.baseline());
                }
                double expected = Integer.parseInt(latestQuarter.get(lcsa).substring(1)) / 4.0;
                expectedStatus = reached
                        ? "MET"
                        : share == null
                                ? "OFF_TRACK"
                                : share >= expected - 0.10 - 1e-9
                                        ? "ON_TRACK"
                                        : share >= expected - 0.35 - 1e-9 ? "AT_RISK" : "OFF_TRACK";
            }
            met += "MET".equals(expectedStatus) ? 1 : 0;
            assertThat(row.get("status").asString()).as(lcsa + " status").isEqualTo(expectedStatus);
            if (value == null) {
                assertThat(row.get("rank").isNull()).as(lcsa + " rank").isTrue();
                continue;
            }
            long better = latest.values().stream()
                    .filter(v -> up ? v > value : v < value)
                    .count();
            assertThat(row.get("rank").asInt()).as(lcsa + " rank").isEqualTo((int) better + 1);
            int quartile = up
                    ? (value >= p75 ? 1 : value >= p50 ? 2 : value >= p25 ? 3 : 4)
                    : (value <= p25 ? 1 : value <= p50 ? 2 : value <= p75 ? 3 : 4);
            assertThat(row.get("quartile").asInt()).as(lcsa + " quartile").isEqualTo(quartile);
            assertThat(row.get("latest").asDouble()).as(lcsa + " latest").isCloseTo(value, within(1e-9));
            assertThat(row.get("change").asDouble()).as(lcsa + " change").isCloseTo(value - g.baseline(), within(1e-9));
            if (share == null) {
                assertThat(row.get("share").isNull()).as(lcsa + " share").isTrue();
            } else {
                assertThat(row.get("share").asDouble()).as(lcsa + " share").isCloseTo(share, within(1e-4));
            }
            for (int q = 0; q < 4; q++) {
                JsonNode quarter = row.get("q" + (q + 1));
                if (g.quarters()[q] == null) {
                    assertThat(quarter.isNull()).as(lcsa + " Q" + (q + 1)).isTrue();
                } else {
                    assertThat(quarter.get("value").asDouble()).isCloseTo(g.quarters()[q], within(1e-9));
                    assertThat(quarter.get("corrected").asBoolean())
                            .as(lcsa + " Q" + (q + 1) + " corrected")
                            .isEqualTo(g.corrected()[q]);
                }
            }
        }
        JsonNode statewide = answer.get("statewide");
        assertThat(statewide.get("reporting").asInt()).isEqualTo(sorted.length);
        assertThat(statewide.get("min").asDouble()).isCloseTo(sorted[0], within(1e-9));
        assertThat(statewide.get("max").asDouble()).isCloseTo(sorted[sorted.length - 1], within(1e-9));
        assertThat(statewide.get("mean").asDouble())
                .isCloseTo(Arrays.stream(sorted).average().orElseThrow(), within(1e-4));
        assertThat(statewide.get("median").asDouble()).isCloseTo(p50, within(1e-4));
        assertThat(statewide.get("p25").asDouble()).isCloseTo(p25, within(1e-4));
        assertThat(statewide.get("p75").asDouble()).isCloseTo(p75, within(1e-4));
        assertThat(statewide.get("metTarget").asInt()).isEqualTo(met);
        long ties = latest.values().stream().filter(v -> v == 66.6).count();
        assertThat(ties).as("the data set has ties").isGreaterThanOrEqualTo(2);
    }

    /** Type-7 percentile, computed independently in doubles. */
    private static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }
}

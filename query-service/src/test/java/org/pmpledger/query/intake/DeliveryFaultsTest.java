package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.pmpledger.document.PlanReplay;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * Every projection is idempotent under re-delivery and keeps each plan's order: the same event stream
 * applied once, delivered twice over, and with a middle batch delivered again, gives the same plans,
 * comparison, compliance, coverage and tactics. Each run has its own FFY and ids; answers are
 * compared after mapping those back.
 */
class DeliveryFaultsTest extends QueryServiceTest {

    private static final String[] AGENCIES = {"ALAMEDA", "FRESNO", "KERN", "MARIN", "NAPA"};
    /** The plan ids of each delivery run: the prefix and the agency's place in {@link #AGENCIES} make a UUID. */
    private static final String CLEAN = "c1ea0000-0000-4000-8000-";

    private static final String TWICE = "7a1ce000-0000-4000-8000-";
    private static final String MIDDLE = "a1dd1e00-0000-4000-8000-";
    private static final String REPLAY = "3e91a900-0000-4000-8000-";

    private static String planOf(String prefix, String lcsa) {
        return prefix + String.format("%012d", List.of(AGENCIES).indexOf(lcsa));
    }

    /** One run's events in global order (plans interleaved), each with its stream sequence. */
    record Delivery(PmpEvent event, long sequence) {}

    private static List<Delivery> stream(int ffy, String prefix) {
        Instant at = Instant.parse((ffy - 1) + "-08-20T17:00:00Z");
        List<Delivery> out = new ArrayList<>();
        out.add(new Delivery(
                cycleWithSpm2(
                        ffy,
                        LocalDate.of(ffy - 1, 9, 15),
                        new QuarterDueDates(
                                LocalDate.of(ffy, 1, 31),
                                LocalDate.of(ffy, 5, 2),
                                LocalDate.of(ffy, 8, 1),
                                LocalDate.of(ffy, 10, 31)),
                        at),
                0));
        List<List<PmpEvent>> plans = new ArrayList<>();
        for (int a = 0; a < AGENCIES.length; a++) {
            String lcsa = AGENCIES[a];
            String plan = planOf(prefix, lcsa);
            String entry = plan + "-e";
            String tactic = plan + "-t";
            BigDecimal baseline = BigDecimal.valueOf(60 + a);
            List<PmpEvent> life = new ArrayList<>(List.of(
                    new PlanDrafted(plan, ffy, lcsa, lcsa + " PMP", at),
                    new PlanEntryAdded(
                            plan,
                            ffy,
                            lcsa,
                            entry,
                            1,
                            null,
                            "Own",
                            null,
                            "1",
                            new Measurement(
                                    "SPM-2",
                                    "Current support",
                                    MeasureUnit.PERCENT,
                                    baseline,
                                    baseline.add(BigDecimal.valueOf(3))),
                            false,
                            at),
                    new TacticAdded(
                            plan,
                            ffy,
                            lcsa,
                            tactic,
                            entry,
                            "Tactic",
                            List.of("Lead"),
                            null,
                            LocalDate.of(ffy, 3, 31),
                            null,
                            false,
                            at),
                    new PlanSubmitted(
                            plan,
                            ffy,
                            lcsa,
                            1,
                            LocalDate.of(ffy - 1, 9, 15),
                            a % 2 == 0,
                            a % 2 == 0 ? a + 1 : 0,
                            Instant.parse((ffy - 1) + "-09-1" + a + "T17:00:00Z")),
                    new PlanReturned(
                            plan,
                            ffy,
                            lcsa,
                            1,
                            "ra",
                            "Northern",
                            "Revise",
                            Instant.parse((ffy - 1) + "-09-20T17:00:00Z")),
                    new MeasurementRevised(
                            plan,
                            ffy,
                            lcsa,
                            entry,
                            baseline,
                            baseline.add(BigDecimal.valueOf(4)),
                            baseline,
                            baseline.add(BigDecimal.valueOf(3)),
                            "stretch",
                            false,
                            Instant.parse((ffy - 1) + "-09-21T17:00:00Z")),
                    new PlanSubmitted(
                            plan,
                            ffy,
                            lcsa,
                            2,
                            LocalDate.of(ffy - 1, 9, 15),
                            true,
                            7,
                            Instant.parse((ffy - 1) + "-09-22T17:00:00Z")),
                    new PlanApproved(
                            plan, ffy, lcsa, 2, "ra", "Northern", null, Instant.parse((ffy - 1) + "-09-25T17:00:00Z")),
                    new TacticStatusChanged(
                            plan,
                            ffy,
                            lcsa,
                            tactic,
                            TacticStatus.NOT_STARTED,
                            TacticStatus.IN_PROGRESS,
                            null,
                            null,
                            false,
                            Instant.parse((ffy - 1) + "-10-05T17:00:00Z"))));
            for (Quarter q : List.of(Quarter.Q1, Quarter.Q2)) {
                life.add(new QuarterlyProgressRecorded(
                        plan,
                        ffy,
                        lcsa,
                        entry,
                        "SPM-2",
                        q,
                        baseline.add(BigDecimal.valueOf(q.ordinal() + 1)),
                        "q",
                        LocalDate.of(ffy, q == Quarter.Q1 ? 1 : 5, q == Quarter.Q1 ? 31 : 2),
                        a == 1,
                        a == 1 ? 2 : 0,
                        false,
                        null,
                        null,
                        null,
                        false,
                        Instant.parse(ffy + "-0" + (q.ordinal() * 4 + 1) + "-25T17:00:00Z")));
            }
            life.add(new QuarterlyProgressRecorded(
                    plan,
                    ffy,
                    lcsa,
                    entry,
                    "SPM-2",
                    Quarter.Q1,
                    baseline.add(new BigDecimal("1.5")),
                    "fixed",
                    LocalDate.of(ffy, 1, 31),
                    true,
                    40,
                    true,
                    baseline.add(BigDecimal.ONE),
                    "q",
                    "refresh",
                    false,
                    Instant.parse(ffy + "-03-12T17:00:00Z")));
            plans.add(life);
        }
        for (int i = 0; i < plans.getFirst().size(); i++) { // interleave the plans, as many agencies write at once
            for (List<PmpEvent> life : plans) {
                out.add(new Delivery(life.get(i), i));
            }
        }
        return out;
    }

    private static void deliver(List<Delivery> deliveries, List<Long> positions, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            publishAt(deliveries.get(i).event(), deliveries.get(i).sequence(), positions.get(i));
        }
    }

    private static List<Long> positionsFor(List<Delivery> deliveries) {
        List<Long> positions = new ArrayList<>();
        deliveries.forEach(d -> positions.add(nextPosition()));
        return positions;
    }

    @Test
    void streamDeliveredTwiceOrWithAMiddleBatchAgainEqualsOneCleanPass() throws Exception {
        List<Delivery> clean = stream(2081, CLEAN);
        List<Long> cleanAt = positionsFor(clean);
        deliver(clean, cleanAt, 0, clean.size());

        List<Delivery> twice = stream(2082, TWICE);
        List<Long> twiceAt = positionsFor(twice);
        deliver(twice, twiceAt, 0, twice.size());
        deliver(twice, twiceAt, 0, twice.size());

        List<Delivery> middle = stream(2083, MIDDLE);
        List<Long> middleAt = positionsFor(middle);
        int third = middle.size() / 3;
        deliver(middle, middleAt, 0, 2 * third);
        deliver(middle, middleAt, third, 2 * third); // the middle batch again
        deliver(middle, middleAt, 2 * third, middle.size());
        long through = watermark();

        for (String report : List.of("/indicators/SPM-2/comparison", "/compliance", "/initiatives", "/tactics")) {
            String expected = normalized(read("/api/v1/cycles/2081" + report + "?minPosition=" + through), 2081, CLEAN);
            assertThat(normalized(read("/api/v1/cycles/2082" + report), 2082, TWICE))
                    .as("twice: " + report)
                    .isEqualTo(expected);
            assertThat(normalized(read("/api/v1/cycles/2083" + report), 2083, MIDDLE))
                    .as("middle: " + report)
                    .isEqualTo(expected);
        }
        for (String lcsa : AGENCIES) {
            String expected = normalized(read("/api/v1/plans/" + planOf(CLEAN, lcsa)), 2081, CLEAN);
            assertThat(normalized(read("/api/v1/plans/" + planOf(TWICE, lcsa)), 2082, TWICE))
                    .as("twice: " + lcsa)
                    .isEqualTo(expected);
            assertThat(normalized(read("/api/v1/plans/" + planOf(MIDDLE, lcsa)), 2083, MIDDLE))
                    .as("middle: " + lcsa)
                    .isEqualTo(expected);
            assertThat(read("/api/v1/plans/" + planOf(CLEAN, lcsa))
                            .get("version")
                            .asLong())
                    .isEqualTo(12);
        }
    }

    @Test
    void planDocumentEqualsTheSharedReplayOfItsEvents() throws Exception {
        List<Delivery> deliveries = stream(2084, REPLAY);
        List<Long> positions = positionsFor(deliveries);
        deliver(deliveries, positions, 0, deliveries.size());
        var opened = (PlanningCycleOpened) deliveries.getFirst().event();

        for (String lcsa : AGENCIES) {
            PlanReplay replay = new PlanReplay(PlanReplay.CycleTitles.of(opened));
            for (int i = 0; i < deliveries.size(); i++) {
                if (deliveries.get(i).event() instanceof PlanEvent event
                        && event.planId().equals(planOf(REPLAY, lcsa))) {
                    replay.apply(event, deliveries.get(i).sequence(), positions.get(i));
                }
            }
            JsonNode expected = JSON.valueToTree(replay.document().orElseThrow());
            JsonNode answered = read("/api/v1/plans/" + planOf(REPLAY, lcsa) + "?minVersion=12");

            assertThat(answered.toString()).as(lcsa).isEqualTo(expected.toString());
        }
    }

    private JsonNode read(String path) {
        Answer answer = api().get(path, TOKENS.analyst());
        assertThat(answer.status()).as(path + ": " + answer.response().body()).isEqualTo(200);
        return answer.body();
    }

    /** The answer without what differs between runs by construction: positions, the FFY, the ids' prefix. */
    private static String normalized(JsonNode answer, int ffy, String prefix) {
        JsonNode copy = answer.deepCopy();
        strip(copy);
        String text = copy.toString().replace(prefix, "RUN-").replace("cycle-" + ffy, "cycle-FFY");
        for (int year = ffy - 1; year <= ffy; year++) {
            text = text.replace(String.valueOf(year), year == ffy ? "FFY" : "FFY-1");
        }
        return text;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("position", "reflects", "asOf"));
            object.forEach(DeliveryFaultsTest::strip);
        } else if (node.isArray()) {
            node.forEach(DeliveryFaultsTest::strip);
        }
    }
}

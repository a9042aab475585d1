package org.pmpledger.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.Direction;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.Objective;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.plan.FinalResultsSubmitted;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;

/**
 * Realistic plan events for the rebuild benchmark: a planning cycle per FFY from {@value #FIRST_FFY} on, and in each the
 * life of a plan of every one of {@value #AGENCIES} agencies (A0, A1, ...), from drafting to final results, over the
 * cycle's {@link #INDICATORS}.
 */
final class PlanLives {

    static final int AGENCIES = 130;
    static final int FIRST_FFY = 2000;
    static final List<String> INDICATORS = List.of("SPM-1", "SPM-2", "SPM-3", "SPM-7", "SPM-9");

    private PlanLives() {}

    /** The planning cycle of the FFY: its due dates, one goal, one key initiative, an indicator per code. */
    static PlanningCycleOpened cycle(int ffy) {
        return new PlanningCycleOpened(
                "cycle-" + ffy,
                ffy,
                LocalDate.of(ffy - 1, 9, 15),
                new QuarterDueDates(
                        LocalDate.of(ffy, 1, 31),
                        LocalDate.of(ffy, 5, 2),
                        LocalDate.of(ffy, 8, 1),
                        LocalDate.of(ffy, 10, 31)),
                List.of(new StrategicGoal(
                        1, "Facilitate Consistent Support for Children", List.of(new Objective(1, "Collections")))),
                List.of(new KeyInitiative(
                        "1", "Improve Service Delivery", InitiativeRequirement.ALL, null, null, List.of())),
                INDICATORS.stream()
                        .map(code -> new PracticeIndicator(code, code, MeasureUnit.PERCENT, Direction.HIGHER_IS_BETTER))
                        .toList(),
                List.of(),
                Instant.parse((ffy - 1) + "-08-01T17:00:00Z"));
    }

    /** About 90 events: entries, tactics and their moves, submission, review, quarterly values and corrections, closing. */
    static List<PmpEvent> planLife(int ffy, String lcsa, Random random) {
        String plan = "p-" + ffy + "-" + lcsa;
        Instant at = Instant.parse((ffy - 1) + "-08-20T17:00:00Z");
        List<PmpEvent> life = new ArrayList<>();
        life.add(new PlanDrafted(plan, ffy, lcsa, lcsa + " PMP", at));
        List<String> entries = new ArrayList<>();
        for (String indicator : INDICATORS) {
            String entry = plan + "-" + indicator;
            entries.add(entry);
            BigDecimal baseline = BigDecimal.valueOf(500 + random.nextInt(400), 1);
            life.add(new PlanEntryAdded(
                    plan,
                    ffy,
                    lcsa,
                    entry,
                    1,
                    1,
                    null,
                    null,
                    "1",
                    new Measurement(
                            indicator, indicator, MeasureUnit.PERCENT, baseline, baseline.add(BigDecimal.valueOf(3))),
                    false,
                    at));
        }
        for (int t = 0; t < 10; t++) {
            String tactic = plan + "-t" + t;
            String entry = entries.get(t % entries.size());
            life.add(new TacticAdded(
                    plan,
                    ffy,
                    lcsa,
                    tactic,
                    entry,
                    "Tactic " + t,
                    List.of("Lead " + t),
                    "What we do",
                    LocalDate.of(ffy, 3 + t % 6, 28),
                    "1",
                    false,
                    at));
            life.add(new TacticStatusChanged(
                    plan,
                    ffy,
                    lcsa,
                    tactic,
                    TacticStatus.NOT_STARTED,
                    TacticStatus.IN_PROGRESS,
                    null,
                    null,
                    false,
                    at));
            life.add(new TacticRevised(
                    plan,
                    ffy,
                    lcsa,
                    tactic,
                    "Tactic " + t,
                    List.of("Lead " + t, "Deputy"),
                    "What we do",
                    LocalDate.of(ffy, 4 + t % 6, 28),
                    List.of("leads", "projectedCompletion"),
                    "staffing",
                    false,
                    at));
        }
        life.add(new PlanSubmitted(
                plan,
                ffy,
                lcsa,
                1,
                LocalDate.of(ffy - 1, 9, 15),
                random.nextInt(4) == 0,
                random.nextInt(10),
                Instant.parse((ffy - 1) + "-09-10T17:00:00Z")));
        life.add(new PlanApproved(
                plan, ffy, lcsa, 1, "ra", "Northern", null, Instant.parse((ffy - 1) + "-09-25T17:00:00Z")));
        for (Quarter q : Quarter.values()) {
            for (int e = 0; e < entries.size(); e++) {
                life.add(new QuarterlyProgressRecorded(
                        plan,
                        ffy,
                        lcsa,
                        entries.get(e),
                        INDICATORS.get(e),
                        q,
                        BigDecimal.valueOf(500 + random.nextInt(450), 1),
                        "Quarter narrative",
                        LocalDate.of(ffy, 1, 31),
                        false,
                        0,
                        false,
                        null,
                        null,
                        null,
                        false,
                        at));
            }
            life.add(new PlanCommented(plan, ffy, lcsa, null, "ra", "Northern", "Quarter reviewed", at));
        }
        for (int e = 0; e < entries.size(); e++) {
            life.add(new QuarterlyProgressRecorded(
                    plan,
                    ffy,
                    lcsa,
                    entries.get(e),
                    INDICATORS.get(e),
                    Quarter.Q1,
                    BigDecimal.valueOf(500 + random.nextInt(450), 1),
                    "Corrected",
                    LocalDate.of(ffy, 1, 31),
                    true,
                    10,
                    true,
                    BigDecimal.ONE,
                    "n",
                    "refresh",
                    false,
                    at));
            life.add(new MeasurementRevised(
                    plan,
                    ffy,
                    lcsa,
                    entries.get(e),
                    BigDecimal.valueOf(55),
                    BigDecimal.valueOf(60),
                    BigDecimal.valueOf(50),
                    BigDecimal.valueOf(53),
                    "revised",
                    true,
                    at));
        }
        for (int t = 0; t < 10; t++) {
            life.add(new TacticStatusChanged(
                    plan,
                    ffy,
                    lcsa,
                    plan + "-t" + t,
                    TacticStatus.IN_PROGRESS,
                    TacticStatus.COMPLETED,
                    LocalDate.of(ffy, 6, 30),
                    "done",
                    true,
                    at));
        }
        life.add(new FinalResultsSubmitted(
                plan, ffy, lcsa, "Final", List.of(), LocalDate.of(ffy, 10, 31), false, 0, at));
        return life;
    }
}

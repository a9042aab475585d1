package org.pmpledger.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;

/** A plan's events written as a story, for the replay and diff tests. */
final class PlanStory {

    static final String PLAN = "plan-2030-ALPINE";
    static final int FFY = 2030;
    static final String LCSA = "ALPINE";
    static final Instant T0 = Instant.parse("2029-09-01T10:00:00Z");

    final List<PlanEvent> events = new ArrayList<>();

    PlanStory add(PlanEvent event) {
        events.add(event);
        return this;
    }

    PlanReplay replay() {
        PlanReplay replay = new PlanReplay(PlanReplay.CycleTitles.UNKNOWN);
        for (int i = 0; i < events.size(); i++) {
            replay.apply(events.get(i), i, 1000 + i);
        }
        return replay;
    }

    PlanDocument document() {
        return replay().document().orElseThrow();
    }

    static PlanStory drafted() {
        return new PlanStory().add(new PlanDrafted(PLAN, FFY, LCSA, "Alpine FFY 2030", T0));
    }

    static PlanEntryAdded entry(String entryId, String target, boolean amendment) {
        return new PlanEntryAdded(
                PLAN,
                FFY,
                LCSA,
                entryId,
                1,
                2,
                null,
                "Reach out early",
                null,
                new Measurement(
                        "SPM-2",
                        "Current support collected",
                        MeasureUnit.PERCENT,
                        new BigDecimal("60.0"),
                        new BigDecimal(target)),
                amendment,
                T0.plusSeconds(60));
    }

    static TacticAdded tactic(String tacticId, String entryId, boolean amendment) {
        return new TacticAdded(
                PLAN,
                FFY,
                LCSA,
                tacticId,
                entryId,
                "Text reminders",
                List.of("Case manager"),
                "Monthly texts",
                LocalDate.of(2030, 3, 31),
                null,
                amendment,
                T0.plusSeconds(120));
    }

    static PlanSubmitted submitted() {
        return new PlanSubmitted(PLAN, FFY, LCSA, 1, LocalDate.of(2029, 10, 31), false, 0, T0.plusSeconds(3600));
    }

    static PlanApproved approved() {
        return new PlanApproved(PLAN, FFY, LCSA, 1, "ra-north", "Northern", "Looks complete", T0.plusSeconds(7200));
    }

    static QuarterlyProgressRecorded quarter(
            String entryId, Quarter quarter, String value, boolean correction, Instant at) {
        return new QuarterlyProgressRecorded(
                PLAN,
                FFY,
                LCSA,
                entryId,
                "SPM-2",
                quarter,
                new BigDecimal(value),
                "narrative " + value,
                LocalDate.of(2030, 1, 31),
                false,
                0,
                correction,
                null,
                null,
                correction ? "typo" : null,
                false,
                at);
    }
}

package org.pmpledger.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.document.PlanStory.FFY;
import static org.pmpledger.document.PlanStory.LCSA;
import static org.pmpledger.document.PlanStory.PLAN;
import static org.pmpledger.document.PlanStory.T0;
import static org.pmpledger.document.PlanStory.entry;
import static org.pmpledger.document.PlanStory.quarter;
import static org.pmpledger.document.PlanStory.tactic;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanEntryRemoved;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;

class PlanReplayTest {

    @Test
    void hasNoDocumentBeforeTheDrafting() {
        assertThat(new PlanReplay(PlanReplay.CycleTitles.UNKNOWN).document()).isEmpty();
    }

    @Test
    void draftedPlanIsAnEmptyDraftAtVersionOne() {
        PlanDocument document = PlanStory.drafted().document();

        assertThat(document.status()).isEqualTo("DRAFT");
        assertThat(document.entries()).isEmpty();
        assertThat(document.version()).isEqualTo(1);
        assertThat(document.position()).isEqualTo(1000);
        assertThat(document.late()).isNull();
    }

    @Test
    void correctionReplacesTheValueButKeepsTheFirstRecordingsTimeliness() {
        var firstAt = T0.plusSeconds(100_000);
        var correctedAt = T0.plusSeconds(200_000);
        PlanDocument document = PlanStory.drafted()
                .add(entry("E-1", "70", false))
                .add(quarter("E-1", Quarter.Q1, "61.5", false, firstAt))
                .add(quarter("E-1", Quarter.Q1, "62.5", true, correctedAt))
                .document();

        var q1 = document.entries().getFirst().quarterlyUpdates().getFirst();
        assertThat(q1.value()).isEqualByComparingTo("62.5");
        assertThat(q1.firstRecordedAt()).isEqualTo(firstAt);
        assertThat(q1.recordedAt()).isEqualTo(correctedAt);
        assertThat(q1.corrections()).isEqualTo(1);
        assertThat(q1.lastReason()).isEqualTo("typo");
    }

    @Test
    void quartersAreListedInCalendarOrderWhateverTheRecordingOrder() {
        PlanDocument document = PlanStory.drafted()
                .add(entry("E-1", "70", false))
                .add(quarter("E-1", Quarter.Q2, "63", false, T0.plusSeconds(10)))
                .add(quarter("E-1", Quarter.Q1, "61", false, T0.plusSeconds(20)))
                .document();

        assertThat(document.entries().getFirst().quarterlyUpdates())
                .extracting(PlanDocument.QuarterlyUpdate::quarter)
                .containsExactly("Q1", "Q2");
    }

    @Test
    void removedEntryLeavesTheDocumentWithItsTactics() {
        PlanDocument document = PlanStory.drafted()
                .add(entry("E-1", "70", false))
                .add(entry("E-2", "80", false))
                .add(tactic("T-1", "E-1", false))
                .add(tactic("T-2", "E-2", false))
                .add(new PlanEntryRemoved(PLAN, FFY, LCSA, "E-1", "duplicate", false, T0.plusSeconds(300)))
                .document();

        assertThat(document.entries()).extracting(PlanDocument.Entry::entryId).containsExactly("E-2");
        assertThat(document.entries().getFirst().tactics())
                .extracting(PlanDocument.Tactic::tacticId)
                .containsExactly("T-2");
    }

    @Test
    void withdrawnTacticShowsWithdrawnWhateverItsLastStatus() {
        PlanDocument document = PlanStory.drafted()
                .add(entry("E-1", "70", false))
                .add(tactic("T-1", "E-1", false))
                .add(new TacticStatusChanged(
                        PLAN,
                        FFY,
                        LCSA,
                        "T-1",
                        TacticStatus.NOT_STARTED,
                        TacticStatus.IN_PROGRESS,
                        null,
                        null,
                        false,
                        T0.plusSeconds(400)))
                .add(new TacticWithdrawn(PLAN, FFY, LCSA, "T-1", "no budget", false, T0.plusSeconds(500)))
                .document();

        var tactic = document.entries().getFirst().tactics().getFirst();
        assertThat(tactic.status()).isEqualTo("WITHDRAWN");
        assertThat(tactic.withdrawn()).isTrue();
        assertThat(tactic.withdrawalReason()).isEqualTo("no budget");
        assertThat(tactic.changedAt()).isEqualTo(T0.plusSeconds(500));
    }

    @Test
    void amendmentsAreCountedAndDated() {
        var revisedAt = T0.plusSeconds(9000);
        PlanDocument document = PlanStory.drafted()
                .add(entry("E-1", "70", false))
                .add(PlanStory.submitted())
                .add(PlanStory.approved())
                .add(new MeasurementRevised(
                        PLAN,
                        FFY,
                        LCSA,
                        "E-1",
                        new BigDecimal("60.0"),
                        new BigDecimal("72"),
                        new BigDecimal("60.0"),
                        new BigDecimal("70"),
                        "new data",
                        true,
                        revisedAt))
                .add(tactic("T-9", "E-1", true))
                .document();

        assertThat(document.amendments()).isEqualTo(2);
        assertThat(document.lastAmendedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(document.entries().getFirst().measurement().target()).isEqualByComparingTo("72");
        assertThat(document.status()).isEqualTo("APPROVED");
    }

    @Test
    void reviewsKeepTheirOrderAndKind() {
        PlanDocument document = PlanStory.drafted()
                .add(PlanStory.submitted())
                .add(new PlanReturned(PLAN, FFY, LCSA, 1, "ra-north", "Northern", "Add a tactic", T0.plusSeconds(5000)))
                .add(PlanStory.approved())
                .document();

        assertThat(document.reviews()).extracting(PlanDocument.Review::kind).containsExactly("RETURNED", "APPROVED");
        assertThat(document.submissions()).isEqualTo(1);
    }

    @Test
    void titlesComeFromTheCycle() {
        var opened = new PlanningCycleOpened(
                "cycle-2030",
                FFY,
                null,
                null,
                List.of(new PlanningCycleOpened.StrategicGoal(
                        1,
                        "Increase support",
                        List.of(new PlanningCycleOpened.Objective(2, "Collect current support")))),
                List.of(),
                List.of(),
                List.of(),
                T0);
        var replay = new PlanReplay(PlanReplay.CycleTitles.of(opened));
        var story = PlanStory.drafted().add(entry("E-1", "70", false));
        for (int i = 0; i < story.events.size(); i++) {
            replay.apply(story.events.get(i), i, i);
        }

        var entry = replay.document().orElseThrow().entries().getFirst();
        assertThat(entry.goal().title()).isEqualTo("Increase support");
        assertThat(entry.objective().title()).isEqualTo("Collect current support");
    }
}

package org.pmpledger.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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

import org.pmpledger.document.PlanDiff.Change;
import org.pmpledger.document.PlanDiff.Kind;
import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanEntryRemoved;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;

class PlanDiffTest {

    @Test
    void sameDocumentHasNoChanges() {
        PlanDocument document = PlanStory.drafted()
                .add(entry("E-1", "70", false))
                .add(tactic("T-1", "E-1", false))
                .document();

        assertThat(PlanDiff.between(document, document)).isEmpty();
    }

    @Test
    void approvalChangesStatusAndAddsApprovalInstantAndReview() {
        PlanStory story = PlanStory.drafted().add(entry("E-1", "70", false)).add(PlanStory.submitted());
        PlanDocument submitted = story.document();
        PlanDocument approved = story.add(PlanStory.approved()).document();

        assertThat(PlanDiff.between(submitted, approved))
                .extracting(Change::path, Change::kind)
                .containsExactly(
                        tuple("status", Kind.CHANGED),
                        tuple("approvedAt", Kind.ADDED),
                        tuple("reviews[0]", Kind.ADDED));
    }

    @Test
    void revisedTargetIsNamedByItsEntry() {
        PlanStory story = PlanStory.drafted().add(entry("E-1", "70", false)).add(entry("E-2", "80", false));
        PlanDocument before = story.document();
        PlanDocument after = story.add(new MeasurementRevised(
                        PLAN,
                        FFY,
                        LCSA,
                        "E-2",
                        new BigDecimal("60.0"),
                        new BigDecimal("85"),
                        new BigDecimal("60.0"),
                        new BigDecimal("80"),
                        "new data",
                        false,
                        T0.plusSeconds(999)))
                .document();

        List<Change> changes = PlanDiff.between(before, after);

        assertThat(changes).hasSize(1);
        Change change = changes.getFirst();
        assertThat(change.path()).isEqualTo("entries[E-2].measurement.target");
        assertThat(change.entryId()).isEqualTo("E-2");
        assertThat((BigDecimal) change.from()).isEqualByComparingTo("80");
        assertThat((BigDecimal) change.to()).isEqualByComparingTo("85");
    }

    @Test
    void tacticChangesAreNamedByEntryAndTactic() {
        PlanStory story = PlanStory.drafted().add(entry("E-1", "70", false)).add(tactic("T-1", "E-1", false));
        PlanDocument before = story.document();
        var changedAt = T0.plusSeconds(777);
        PlanDocument after = story.add(new TacticStatusChanged(
                        PLAN,
                        FFY,
                        LCSA,
                        "T-1",
                        TacticStatus.NOT_STARTED,
                        TacticStatus.IN_PROGRESS,
                        null,
                        null,
                        false,
                        changedAt))
                .document();

        assertThat(PlanDiff.between(before, after))
                .extracting(Change::path, Change::kind, Change::entryId, Change::tacticId, Change::to)
                .containsExactly(
                        tuple("entries[E-1].tactics[T-1].status", Kind.CHANGED, "E-1", "T-1", "IN_PROGRESS"),
                        tuple("entries[E-1].tactics[T-1].changedAt", Kind.CHANGED, "E-1", "T-1", changedAt));
    }

    @Test
    void addedAndRemovedItemsAreOneChangeEachCarryingTheItem() {
        PlanStory story = PlanStory.drafted().add(entry("E-1", "70", false)).add(entry("E-2", "80", false));
        PlanDocument before = story.document();
        PlanDocument after = story.add(
                        new PlanEntryRemoved(PLAN, FFY, LCSA, "E-1", "duplicate", false, T0.plusSeconds(500)))
                .add(tactic("T-1", "E-2", false))
                .document();

        List<Change> changes = PlanDiff.between(before, after);

        assertThat(changes)
                .extracting(Change::path, Change::kind, Change::entryId, Change::tacticId)
                .containsExactly(
                        tuple("entries[E-1]", Kind.REMOVED, "E-1", null),
                        tuple("entries[E-2].tactics[T-1]", Kind.ADDED, "E-2", "T-1"));
        assertThat(changes.getFirst().from()).isInstanceOf(PlanDocument.Entry.class);
        assertThat(changes.get(1).to()).isInstanceOf(PlanDocument.Tactic.class);
    }

    @Test
    void correctedQuarterIsNamedByEntryAndQuarter() {
        PlanStory story = PlanStory.drafted()
                .add(entry("E-1", "70", false))
                .add(quarter("E-1", Quarter.Q1, "61", false, T0.plusSeconds(100)));
        PlanDocument before = story.document();
        PlanDocument after = story.add(quarter("E-1", Quarter.Q1, "62", true, T0.plusSeconds(200)))
                .document();

        assertThat(PlanDiff.between(before, after))
                .extracting(Change::path)
                .containsExactly(
                        "entries[E-1].quarterlyUpdates[Q1].value",
                        "entries[E-1].quarterlyUpdates[Q1].narrative",
                        "entries[E-1].quarterlyUpdates[Q1].recordedAt",
                        "entries[E-1].quarterlyUpdates[Q1].corrections",
                        "entries[E-1].quarterlyUpdates[Q1].lastReason");
    }

    @Test
    void numbersCompareByValueNotScale() {
        PlanDocument before = PlanStory.drafted().add(entry("E-1", "70", false)).document();
        PlanDocument after =
                PlanStory.drafted().add(entry("E-1", "70.00", false)).document();

        assertThat(PlanDiff.between(before, after)).isEmpty();
    }
}

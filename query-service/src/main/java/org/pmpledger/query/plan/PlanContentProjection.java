package org.pmpledger.query.plan;

import static org.pmpledger.query.jooq.Tables.PLAN_COMMENT;
import static org.pmpledger.query.jooq.Tables.PLAN_ENTRY;
import static org.pmpledger.query.jooq.Tables.PLAN_TACTIC;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;
import static org.pmpledger.query.plan.PlanSummaryProjection.utc;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.events.plan.MeasurementRevised;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEntryRemoved;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.ReviewKind;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.events.plan.TacticRevised;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.events.plan.TacticStatusChanged;
import org.pmpledger.events.plan.TacticWithdrawn;
import org.pmpledger.query.intake.Projection;
import org.pmpledger.query.intake.PublishedEvent;
import org.pmpledger.query.intake.Writes;
import org.pmpledger.query.jooq.tables.records.PlanCommentRecord;
import org.pmpledger.query.jooq.tables.records.PlanEntryRecord;
import org.pmpledger.query.jooq.tables.records.PlanTacticRecord;
import org.pmpledger.query.jooq.tables.records.QuarterlyUpdateRecord;

/**
 * Folds a plan's content into {@code plan_entry}, {@code quarterly_update}, {@code plan_tactic} and
 * {@code plan_comment}. A quarter recorded again (a correction) replaces the value, counts the
 * correction and keeps its reason, but never changes the first recording's timeliness.
 */
@Component
class PlanContentProjection implements Projection {

    private final DSLContext db;

    PlanContentProjection(DSLContext db) {
        this.db = db;
    }

    @Override
    public void fold(PublishedEvent published, Writes writes) {
        switch (published.event().orElseThrow()) {
            case PlanEntryAdded added -> {
                PlanEntryRecord row = db.newRecord(PLAN_ENTRY);
                row.setPlanId(added.planId());
                row.setEntryId(added.entryId());
                row.setFfy(added.ffy());
                row.setLcsa(added.lcsa());
                row.setGoal(added.goal());
                row.setObjective(added.objective());
                row.setObjectiveText(added.objectiveText());
                row.setStrategy(added.strategy());
                row.setInitiative(added.initiative());
                row.setIndicator(added.measurement().indicator());
                row.setMeasurementTitle(added.measurement().title());
                row.setUnit(
                        added.measurement().unit() == null
                                ? null
                                : added.measurement().unit().name());
                row.setBaseline(added.measurement().baseline());
                row.setTarget(added.measurement().target());
                row.setRemoved(false);
                row.setAmendment(added.amendment());
                row.setAddedAt(utc(added.addedAt()));
                row.setPosition(published.position());
                writes.insert(row);
            }
            case MeasurementRevised revised ->
                entry(writes, revised.planId(), revised.entryId())
                        .set(PLAN_ENTRY.BASELINE, revised.baseline())
                        .set(PLAN_ENTRY.TARGET, revised.target());
            case PlanEntryRemoved removed ->
                entry(writes, removed.planId(), removed.entryId()).set(PLAN_ENTRY.REMOVED, true);
            case QuarterlyProgressRecorded recorded -> quarter(recorded, writes);
            case TacticAdded added -> {
                PlanTacticRecord row = db.newRecord(PLAN_TACTIC);
                row.setPlanId(added.planId());
                row.setTacticId(added.tacticId());
                row.setFfy(added.ffy());
                row.setLcsa(added.lcsa());
                row.setEntryId(added.entryId());
                row.setTitle(added.title());
                row.setLeads(added.leads().toArray(String[]::new));
                row.setDescription(added.description());
                row.setProjectedCompletion(added.projectedCompletion());
                row.setInitiative(added.initiative());
                row.setStatus(TacticStatus.NOT_STARTED.name());
                row.setWithdrawn(false);
                row.setAmendment(added.amendment());
                row.setAddedAt(utc(added.addedAt()));
                row.setChangedAt(utc(added.addedAt()));
                row.setPosition(published.position());
                writes.insert(row);
            }
            case TacticRevised revised ->
                tactic(writes, revised.planId(), revised.tacticId())
                        .set(PLAN_TACTIC.TITLE, revised.title())
                        .set(PLAN_TACTIC.LEADS, revised.leads().toArray(String[]::new))
                        .set(PLAN_TACTIC.DESCRIPTION, revised.description())
                        .set(PLAN_TACTIC.PROJECTED_COMPLETION, revised.projectedCompletion())
                        .set(PLAN_TACTIC.CHANGED_AT, utc(revised.revisedAt()))
                        .add(
                                PLAN_TACTIC.COMPLETION_REVISIONS,
                                revised.changed().contains(TacticRevised.PROJECTED_COMPLETION) ? 1 : 0);
            case TacticStatusChanged changed ->
                tactic(writes, changed.planId(), changed.tacticId())
                        .set(PLAN_TACTIC.STATUS, changed.status().name())
                        .set(PLAN_TACTIC.ACTUAL_COMPLETION, changed.actualCompletion())
                        .set(PLAN_TACTIC.CHANGED_AT, utc(changed.changedAt()));
            case TacticWithdrawn withdrawn ->
                tactic(writes, withdrawn.planId(), withdrawn.tacticId())
                        .set(PLAN_TACTIC.WITHDRAWN, true)
                        .set(PLAN_TACTIC.WITHDRAWAL_REASON, withdrawn.reason())
                        .set(PLAN_TACTIC.CHANGED_AT, utc(withdrawn.withdrawnAt()));
            case PlanCommented commented ->
                comment(
                        writes,
                        published,
                        commented.planId(),
                        commented.entryId(),
                        commented.author(),
                        commented.region(),
                        ReviewKind.COMMENT.name(),
                        commented.comment(),
                        commented.commentedAt());
            case PlanReturned returned ->
                comment(
                        writes,
                        published,
                        returned.planId(),
                        null,
                        returned.reviewer(),
                        returned.region(),
                        ReviewKind.RETURNED.name(),
                        returned.comments(),
                        returned.returnedAt());
            case PlanApproved approved ->
                comment(
                        writes,
                        published,
                        approved.planId(),
                        null,
                        approved.reviewer(),
                        approved.region(),
                        ReviewKind.APPROVED.name(),
                        approved.comments(),
                        approved.approvedAt());
            default -> {
                // other events: other projections
            }
        }
    }

    private static Writes.Patch entry(Writes writes, String planId, String entryId) {
        return writes.patch(PLAN_ENTRY, List.of(PLAN_ENTRY.PLAN_ID, PLAN_ENTRY.ENTRY_ID), List.of(planId, entryId));
    }

    private static Writes.Patch tactic(Writes writes, String planId, String tacticId) {
        return writes.patch(
                PLAN_TACTIC, List.of(PLAN_TACTIC.PLAN_ID, PLAN_TACTIC.TACTIC_ID), List.of(planId, tacticId));
    }

    /** A first recording is a new row; a correction (as the plan decided it) changes the row and counts. */
    private void quarter(QuarterlyProgressRecorded recorded, Writes writes) {
        var q = QUARTERLY_UPDATE;
        if (!recorded.correction()) {
            QuarterlyUpdateRecord row = db.newRecord(q);
            row.setPlanId(recorded.planId());
            row.setEntryId(recorded.entryId());
            row.setQuarter(recorded.quarter().name());
            row.setFfy(recorded.ffy());
            row.setLcsa(recorded.lcsa());
            row.setValue(recorded.value());
            row.setNarrative(recorded.narrative());
            row.setDueDate(recorded.dueDate());
            row.setFirstRecordedAt(utc(recorded.recordedAt()));
            row.setFirstLate(recorded.late());
            row.setFirstDaysLate(recorded.daysLate());
            row.setFirstValue(recorded.value());
            row.setRecordedAt(utc(recorded.recordedAt()));
            row.setCorrections(0);
            row.setLastReason(recorded.reason());
            row.setAfterClose(recorded.afterClose());
            writes.insert(row);
            return;
        }
        Writes.Patch patch = writes.patch(
                        q,
                        List.of(q.PLAN_ID, q.ENTRY_ID, q.QUARTER),
                        List.of(
                                recorded.planId(),
                                recorded.entryId(),
                                recorded.quarter().name()))
                .set(q.VALUE, recorded.value())
                .set(q.NARRATIVE, recorded.narrative())
                .set(q.RECORDED_AT, utc(recorded.recordedAt()))
                .set(q.LAST_REASON, recorded.reason())
                .add(q.CORRECTIONS, 1);
        if (recorded.afterClose()) {
            patch.set(q.AFTER_CLOSE, true);
        }
    }

    private void comment(
            Writes writes,
            PublishedEvent published,
            String planId,
            String entryId,
            String author,
            String region,
            String kind,
            String text,
            Instant at) {
        PlanCommentRecord row = db.newRecord(PLAN_COMMENT);
        row.setPlanId(planId);
        row.setSequence(published.sequence());
        row.setEntryId(entryId);
        row.setAuthor(author);
        row.setRegion(region);
        row.setKind(kind);
        row.setComment(text);
        row.setCommentedAt(utc(at));
        writes.insert(row);
    }
}

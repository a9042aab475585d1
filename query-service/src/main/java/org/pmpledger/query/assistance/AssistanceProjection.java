package org.pmpledger.query.assistance;

import static org.pmpledger.query.jooq.Tables.ASSISTANCE_NOTE;
import static org.pmpledger.query.jooq.Tables.ASSISTANCE_REQUEST;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.events.plan.AssistanceRequestAdvanced;
import org.pmpledger.events.plan.AssistanceRequestCommented;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.AssistanceStatus;
import org.pmpledger.query.intake.Projection;
import org.pmpledger.query.intake.PublishedEvent;
import org.pmpledger.query.intake.Writes;
import org.pmpledger.query.jooq.tables.records.AssistanceNoteRecord;
import org.pmpledger.query.jooq.tables.records.AssistanceRequestRecord;

/**
 * Folds requests for state assistance into {@code assistance_request} (where each stands) and {@code assistance_note}
 * (its steps and comments, keyed by their place in the plan's stream).
 */
@Component
class AssistanceProjection implements Projection {

    private final DSLContext db;

    AssistanceProjection(DSLContext db) {
        this.db = db;
    }

    @Override
    public void fold(PublishedEvent published, Writes writes) {
        switch (published.event().orElseThrow()) {
            case AssistanceRequested raised -> {
                AssistanceRequestRecord row = db.newRecord(ASSISTANCE_REQUEST);
                row.setPlanId(raised.planId());
                row.setRequestId(raised.requestId());
                row.setFfy(raised.ffy());
                row.setLcsa(raised.lcsa());
                row.setEntryId(raised.entryId());
                row.setTacticId(raised.tacticId());
                row.setNeed(raised.need());
                row.setFromWhom(raised.from());
                row.setNeededBy(raised.neededBy());
                row.setStatus(AssistanceStatus.RAISED.name());
                row.setRaisedBy(raised.raisedBy());
                row.setRequestedAt(utc(raised.requestedAt()));
                row.setUpdatedAt(utc(raised.requestedAt()));
                row.setSequence(published.sequence());
                writes.insert(row);
            }
            case AssistanceRequestAdvanced advanced -> {
                writes.patch(
                                ASSISTANCE_REQUEST,
                                List.of(ASSISTANCE_REQUEST.PLAN_ID, ASSISTANCE_REQUEST.REQUEST_ID),
                                List.of(advanced.planId(), advanced.requestId()))
                        .set(ASSISTANCE_REQUEST.STATUS, advanced.status().name())
                        .set(ASSISTANCE_REQUEST.UPDATED_AT, utc(advanced.advancedAt()));
                note(
                        writes,
                        published,
                        advanced.planId(),
                        advanced.requestId(),
                        new Note(
                                advanced.status().name(),
                                advanced.by(),
                                null,
                                advanced.region(),
                                advanced.note(),
                                advanced.advancedAt()));
            }
            case AssistanceRequestCommented commented ->
                note(
                        writes,
                        published,
                        commented.planId(),
                        commented.requestId(),
                        new Note(
                                PlanDocument.AssistanceNote.COMMENT,
                                commented.author(),
                                commented.role(),
                                null,
                                commented.comment(),
                                commented.commentedAt()));
            default -> {
                // not about requests for state assistance
            }
        }
    }

    /** One line of a request's history: a step (its status) or a comment. */
    private record Note(String kind, String author, String role, String region, String text, Instant at) {}

    private void note(Writes writes, PublishedEvent published, String planId, String requestId, Note note) {
        AssistanceNoteRecord row = db.newRecord(ASSISTANCE_NOTE);
        row.setPlanId(planId);
        row.setSequence(published.sequence());
        row.setRequestId(requestId);
        row.setKind(note.kind());
        row.setAuthor(note.author());
        row.setRole(note.role());
        row.setRegion(note.region());
        row.setNote(note.text());
        row.setNotedAt(utc(note.at()));
        writes.insert(row);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package org.pmpledger.query.intake;

import java.util.List;
import java.util.Set;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.query.jooq.tables.records.ParkedRecordRecord;
import org.pmpledger.web.PathRoles;
import org.pmpledger.web.PathRoles.Rule;
import org.pmpledger.web.RequestRefused;
import org.pmpledger.web.Role;

@RestController
@RequestMapping(ParkedController.PATH)
@Tag(name = "Operations", description = "Records the intake parked, and what an operator does with them")
class ParkedController {

    static final String PATH = "/api/v1/admin/parked";

    /** Parked records are a STATE_ADMIN's to see, retry and release. */
    @Bean
    static PathRoles parkedRoles() {
        return new PathRoles(List.of(new Rule(
                null,
                PATH + "/**",
                Set.of(Role.STATE_ADMIN),
                "state-admin-handles-parked-records",
                "Only a STATE_ADMIN sees, retries and releases parked records.")));
    }

    private final ParkedRecords parked;
    private final PlanEventsIntake intake;

    ParkedController(ParkedRecords parked, PlanEventsIntake intake) {
        this.parked = parked;
        this.intake = intake;
    }

    @GetMapping
    @Operation(
            summary = "Records the intake parked (STATE_ADMIN)",
            description =
                    "The unresolved ones first, then the latest resolved: stream, type, sequence, position, partition "
                            + "and offset, why, when, and how it was resolved. A stream with an unresolved record is held: its later "
                            + "records wait behind it.")
    ResponseEntity<ParkedList> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ResponseEntity.ok(new ParkedList(parked.unresolved(), parked.heldStreams(), parked.latest(limit)));
    }

    /** Parked records: how many wait unresolved, how many streams they hold, the latest ones. */
    record ParkedList(long unresolved, long heldStreams, List<ParkedRecords.Parked> records) {}

    @PostMapping("/{parkedId}/retry")
    @Operation(
            summary = "Apply a parked record's stream again (STATE_ADMIN), after the cause was fixed",
            description =
                    "Every unresolved record of the record's stream, in the stream's order: each applied is resolved "
                            + "APPLIED; the first that still cannot be applied keeps its place with its new reason. Answers how many "
                            + "were resolved and how many wait still.")
    ResponseEntity<ParkedOutcome> retry(@PathVariable @Min(1) long parkedId) {
        return again(parkedId, false);
    }

    @PostMapping("/{parkedId}/release")
    @Operation(
            summary = "Give up on a parked record and let its stream go on (STATE_ADMIN)",
            description =
                    "The record is resolved RELEASED: applied accepting a gap before it, or skipped if it cannot be "
                            + "read or its type is unknown; then the stream's other parked records are applied as by retry. A release "
                            + "holds across rebuilds.")
    ResponseEntity<ParkedOutcome> release(@PathVariable @Min(1) long parkedId) {
        return again(parkedId, true);
    }

    private ResponseEntity<ParkedOutcome> again(long parkedId, boolean release) {
        ParkedRecordRecord record = parked.find(parkedId).orElse(null);
        if (record == null) {
            throw RequestRefused.notFound("No parked record " + parkedId + ".");
        }
        if (record.getResolution() != null) {
            throw RequestRefused.conflict(
                    "parked-record-resolved-already",
                    "Parked record " + parkedId + " was resolved already (" + record.getResolution() + ").");
        }
        if (record.getStreamId() == null) {
            if (!release) {
                throw RequestRefused.conflict(
                        "record-without-stream-is-released",
                        "Parked record " + parkedId + " names no stream: it cannot be applied, only released.");
            }
            parked.resolve(parkedId, ParkedRecords.Resolution.RELEASED);
            return ResponseEntity.ok(new ParkedOutcome(1, 0));
        }
        try {
            return ResponseEntity.ok(intake.applyParkedAgain(record.getStreamId(), release ? parkedId : null));
        } catch (PlanEventsIntake.RebuildUnderWay running) {
            throw RequestRefused.conflict(
                    "rebuild-under-way",
                    "A rebuild runs: retry or release parked " + "record " + parkedId
                            + " once it is done (GET /api/v1/admin/rebuild).");
        }
    }
}

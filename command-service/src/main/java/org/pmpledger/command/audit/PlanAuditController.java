package org.pmpledger.command.audit;

import java.io.IOException;
import java.time.Instant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.document.PlanDiff;
import org.pmpledger.document.PlanDocument;
import org.pmpledger.web.RequestRefused;

/** One plan's history as the auditor reads it: its events, its state at a point, what changed, an event's hashed bytes. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The event store read as the system of record (AUDITOR, STATE_ADMIN)")
class PlanAuditController {

    private final PlanHistory history;
    private final PlanStates states;
    private final ChainVerification verification;

    PlanAuditController(PlanHistory history, PlanStates states, ChainVerification verification) {
        this.history = history;
        this.states = states;
        this.verification = verification;
    }

    @GetMapping(path = "/plans/{planId}/events", produces = "application/x-ndjson")
    @Operation(
            summary = "A plan's full history as JSON lines, streamed (AUDITOR, STATE_ADMIN)",
            description =
                    "Every event of the plan, one JSON object per line, read with a database cursor: memory stays "
                            + "bounded whatever the plan's length.")
    void eventLines(@PathVariable @Size(max = 64) String planId, HttpServletResponse response) throws IOException {
        if (history.count(planId) == 0) {
            throw RequestRefused.notFound("No plan " + planId + ".");
        }
        response.setContentType("application/x-ndjson");
        history.stream(planId, response.getOutputStream());
    }

    @GetMapping(
            path = "/plans/{planId}/events",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "A plan's full history (AUDITOR, STATE_ADMIN)",
            description = "Every event in order: who (subject, roles, agency, region), which app, idempotency key, "
                    + "correlation and trace ids, recording instant, business time (FFY, quarter), type, revision, payload, "
                    + "chain hashes. Paged JSON (page, size ≤ 1000), or every event as JSON lines, streamed, with "
                    + "Accept: application/x-ndjson.")
    ResponseEntity<AuditAnswers.PlanEventPage> events(
            @PathVariable @Size(max = 64) String planId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        long total = history.count(planId);
        if (total == 0) {
            throw RequestRefused.notFound("No plan " + planId + ".");
        }
        return ResponseEntity.ok(
                new AuditAnswers.PlanEventPage(planId, total, page, size, history.page(planId, page, size)));
    }

    @GetMapping(
            path = "/plans/{planId}/state",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "A plan as the system knew it at an instant or a version (AUDITOR, STATE_ADMIN)",
            description =
                    "The plan document (the query side's shape) folded from the plan's events recorded at or before "
                            + "asOf (ISO-8601 instant, the event store's recording time), or up to and including version (1 = the "
                            + "drafting). Exactly one of the two. Headers: ETag (the version reached) and X-Recorded-At (the "
                            + "recording instant of its last event).")
    ResponseEntity<PlanDocument> state(
            @PathVariable @Size(max = 64) String planId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @Min(1) Long version) {
        if ((asOf == null) == (version == null)) {
            throw RequestRefused.invalid(
                    "one-point-in-history",
                    "Give exactly one of asOf (an ISO-8601 instant) and version (1 or more).",
                    asOf == null ? "asOf" : "version",
                    "exactly one of asOf and version");
        }
        var state =
                states.at(planId, version != null ? PlanStates.Point.version(version) : PlanStates.Point.asOf(asOf));
        if (state.isEmpty()) {
            throw RequestRefused.notFound("No plan " + planId
                    + (version != null ? " at version " + version : " recorded at or before " + asOf) + ".");
        }
        return ResponseEntity.ok()
                .eTag("\"" + state.get().document().version() + "\"")
                .header("X-Recorded-At", state.get().recordedAt().toString())
                .body(state.get().document());
    }

    @GetMapping(
            path = "/plans/{planId}/diff",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "What changed in a plan between two versions or instants (AUDITOR, STATE_ADMIN)",
            description = "from and to are each a version number or an ISO-8601 recording instant. Answers both points "
                    + "(version, position, recording instant) and every field added, changed (from → to) or removed, by a "
                    + "path naming entries, quarters and tactics: entries[E-1].tactics[T-2].status. An entry, quarter or "
                    + "tactic added or removed is one change carrying the whole item.")
    ResponseEntity<AuditAnswers.PlanChanges> diff(
            @PathVariable @Size(max = 64) String planId,
            @RequestParam @Size(max = 40) String from,
            @RequestParam @Size(max = 40) String to) {
        var fromPoint = PlanStates.Point.parse(from);
        var toPoint = PlanStates.Point.parse(to);
        if (fromPoint.isEmpty() || toPoint.isEmpty()) {
            throw RequestRefused.invalid(
                    "point-in-history",
                    "from and to are each a version (1 or more) or an ISO-8601 instant such as 2026-11-23T10:15:30Z.",
                    fromPoint.isEmpty() ? "from" : "to",
                    "a version number (1 or more) or an ISO-8601 instant");
        }
        var before = states.at(planId, fromPoint.get());
        var after = states.at(planId, toPoint.get());
        if (before.isEmpty() || after.isEmpty()) {
            throw RequestRefused.notFound(
                    "No plan " + planId + " at " + (before.isEmpty() ? "from=" + from : "to=" + to) + ".");
        }
        return ResponseEntity.ok(new AuditAnswers.PlanChanges(
                planId,
                point(before.get()),
                point(after.get()),
                PlanDiff.between(before.get().document(), after.get().document())));
    }

    private static AuditAnswers.HistoryPoint point(PlanStates.State state) {
        return new AuditAnswers.HistoryPoint(
                state.document().version(), state.document().position(), state.recordedAt());
    }

    @GetMapping(
            path = "/plans/{planId}/events/{version}/canonical",
            produces = {"application/octet-stream", "application/problem+json"})
    @Operation(
            summary = "The exact bytes an event's hash is taken over (AUDITOR, STATE_ADMIN)",
            description =
                    "The previous hash of its stream (32 raw bytes; none for version 1), then UTF-8 lines event id, "
                            + "stream id, sequence, payload type, payload revision, recording time, then the stored payload, a "
                            + "newline and the stored metadata. sha256sum of it is the event's eventHash; its first 32 bytes are the "
                            + "previous version's eventHash.")
    ResponseEntity<byte[]> canonical(@PathVariable @Size(max = 64) String planId, @PathVariable @Min(1) long version) {
        return verification
                .canonicalOf(planId, version - 1)
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .body(bytes))
                .orElseThrow(() -> RequestRefused.notFound("No version " + version + " of plan " + planId + "."));
    }
}

package org.pmpledger.command.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.document.PlanDiff;
import org.pmpledger.web.ApiProblems;
import org.pmpledger.web.InputFormats;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The event store read as the system of record (AUDITOR, STATE_ADMIN)")
class AuditController {

    private final ChainVerification verification;
    private final PlanHistory history;
    private final AuditReads reads;
    private final JsonMapper json;
    private final ChainCheckpoints checkpoints;
    private final PlanStates states;

    AuditController(
            ChainVerification verification,
            PlanHistory history,
            JsonMapper json,
            ChainCheckpoints checkpoints,
            PlanStates states,
            AuditReads reads) {
        this.checkpoints = checkpoints;
        this.states = states;
        this.verification = verification;
        this.history = history;
        this.reads = reads;
        this.json = json;
    }

    /** A refusal on an endpoint that writes its own (streamed) body. */
    private void writeProblem(HttpServletResponse response, ResponseEntity<?> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem.getBody());
    }

    @GetMapping(path = "/plans/{planId}/events", produces = "application/x-ndjson")
    @Operation(
            summary = "A plan's full history as JSON lines, streamed (AUDITOR, STATE_ADMIN)",
            description =
                    "Every event of the plan, one JSON object per line, read with a database cursor: memory stays "
                            + "bounded whatever the plan's length.")
    void eventLines(@PathVariable @Size(max = 64) String planId, HttpServletResponse response) throws IOException {
        if (history.count(planId) == 0) {
            writeProblem(response, ApiProblems.refuse(HttpStatus.NOT_FOUND, "not-found", "No plan " + planId + "."));
            return;
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
    ResponseEntity<?> events(
            @PathVariable @Size(max = 64) String planId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        long total = history.count(planId);
        if (total == 0) {
            return ApiProblems.refuse(HttpStatus.NOT_FOUND, "not-found", "No plan " + planId + ".");
        }
        return ResponseEntity.ok(Map.of(
                "planId",
                planId,
                "total",
                total,
                "page",
                page,
                "size",
                size,
                "events",
                history.page(planId, page, size)));
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
    ResponseEntity<?> state(
            @PathVariable @Size(max = 64) String planId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @Min(1) Long version) {
        if ((asOf == null) == (version == null)) {
            return badRequest(
                    "one-point-in-history",
                    "Give exactly one of asOf (an ISO-8601 instant) and version (1 or more).",
                    asOf == null ? "asOf" : "version",
                    "exactly one of asOf and version");
        }
        var state =
                states.at(planId, version != null ? PlanStates.Point.version(version) : PlanStates.Point.asOf(asOf));
        if (state.isEmpty()) {
            return ApiProblems.refuse(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "No plan " + planId
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
    ResponseEntity<?> diff(
            @PathVariable @Size(max = 64) String planId,
            @RequestParam @Size(max = 40) String from,
            @RequestParam @Size(max = 40) String to) {
        var fromPoint = PlanStates.Point.parse(from);
        var toPoint = PlanStates.Point.parse(to);
        if (fromPoint.isEmpty() || toPoint.isEmpty()) {
            return badRequest(
                    "point-in-history",
                    "from and to are each a version (1 or more) or an ISO-8601 instant such as 2026-11-23T10:15:30Z.",
                    fromPoint.isEmpty() ? "from" : "to",
                    "a version number (1 or more) or an ISO-8601 instant");
        }
        var before = states.at(planId, fromPoint.get());
        var after = states.at(planId, toPoint.get());
        if (before.isEmpty() || after.isEmpty()) {
            return ApiProblems.refuse(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "No plan " + planId + " at " + (before.isEmpty() ? "from=" + from : "to=" + to) + ".");
        }
        return ResponseEntity.ok(Map.of(
                "planId",
                planId,
                "from",
                point(before.get()),
                "to",
                point(after.get()),
                "changes",
                PlanDiff.between(before.get().document(), after.get().document())));
    }

    private static ResponseEntity<?> badRequest(String rule, String detail, String field, String message) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(
                        HttpStatus.BAD_REQUEST, rule, detail, List.of(ApiProblems.fieldError(field, message))));
    }

    private static Map<String, Object> point(PlanStates.State state) {
        return Map.of(
                "version",
                state.document().version(),
                "position",
                state.document().position(),
                "recordedAt",
                state.recordedAt());
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
    ResponseEntity<?> canonical(@PathVariable @Size(max = 64) String planId, @PathVariable @Min(1) long version) {
        return verification
                .canonicalOf(planId, version - 1)
                .<ResponseEntity<?>>map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .body(bytes))
                .orElseGet(() -> ApiProblems.refuse(
                        HttpStatus.NOT_FOUND, "not-found", "No version " + version + " of plan " + planId + "."));
    }

    @GetMapping(
            path = "/checkpoints/{checkpointId}/heads",
            produces = {"text/plain", "application/problem+json"})
    @Operation(
            summary =
                    "The text a checkpoint's head hash is taken over, recomputed from the stored events (AUDITOR, STATE_ADMIN)",
            description = "One line per stream, '<stream id>:<hex hash of its last event at or below the checkpoint's "
                    + "position>\\n', ids in byte order. sha256sum of it equals the checkpoint's headHash unless an event at "
                    + "or below that position was changed since.")
    ResponseEntity<?> checkpointHeads(@PathVariable @Min(1) long checkpointId) {
        return checkpoints
                .through(checkpointId)
                .<ResponseEntity<?>>map(through ->
                        ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(checkpoints.heads(through)))
                .orElseGet(() ->
                        ApiProblems.refuse(HttpStatus.NOT_FOUND, "not-found", "No checkpoint " + checkpointId + "."));
    }

    @GetMapping("/checkpoints")
    @Operation(
            summary = "Chain checkpoints, newest first (AUDITOR, STATE_ADMIN)",
            description =
                    "Each: the global position it covers, how many streams, and the head hash: SHA-256 over one line "
                            + "per stream in stream-id order, '<stream id>:<hex hash of its last event at or below that position>\\n'. "
                            + "Publish them outside the system; a later verification must reproduce them.")
    ResponseEntity<?> checkpoints(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ResponseEntity.ok(Map.of("checkpoints", checkpoints.latest(limit)));
    }

    @PostMapping("/checkpoints")
    @Operation(
            summary = "Record a chain checkpoint now (STATE_ADMIN)",
            description =
                    "Also recorded every pmp.audit.checkpoint-interval (default 10 minutes) when events were added.")
    ResponseEntity<?> recordCheckpoint() {
        return ResponseEntity.status(HttpStatus.CREATED).body(ChainCheckpoints.view(checkpoints.record()));
    }

    @GetMapping(path = "/events", produces = "application/x-ndjson")
    @Operation(
            summary = "The log itself, filtered, as streamed JSON lines (AUDITOR, STATE_ADMIN)",
            description = "Every matching event in global order: actor (subject), agency (caller's or event's), type "
                    + "(e.g. pmp.plan.PlanSubmitted), from / to (recording instants, ISO-8601 UTC, to exclusive).")
    void logLines(
            @RequestParam(required = false) @Size(max = 255) String actor,
            @RequestParam(required = false) @Size(max = 64) String agency,
            @RequestParam(required = false) @Size(max = 100) String type,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("application/x-ndjson");
        var out = response.getOutputStream();
        history.search(new PlanHistory.LogFilter(actor, agency, type, from, to), Long.MAX_VALUE, entry -> {
            try {
                out.write(json.writeValueAsBytes(entry));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping(
            path = "/events",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "The log itself, filtered (AUDITOR, STATE_ADMIN)",
            description =
                    "As the JSON-lines form, at most `limit` (≤ 1000) events; use Accept: application/x-ndjson for all.")
    ResponseEntity<?> log(
            @RequestParam(required = false) @Size(max = 255) String actor,
            @RequestParam(required = false) @Size(max = 64) String agency,
            @RequestParam(required = false) @Size(max = 100) String type,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<Map<String, Object>> events = new ArrayList<>();
        history.search(new PlanHistory.LogFilter(actor, agency, type, from, to), limit, events::add);
        return ResponseEntity.ok(Map.of("events", events, "limit", limit));
    }

    @GetMapping("/reads")
    @Operation(
            summary = "Who read the audit log, what and when (AUDITOR, STATE_ADMIN)",
            description = "The latest audit reads, newest first (this read included).")
    ResponseEntity<?> auditReads(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ResponseEntity.ok(Map.of("reads", reads.latest(limit)));
    }

    @GetMapping("/verification")
    @Operation(
            summary = "Integrity check of the event log (AUDITOR, STATE_ADMIN)",
            description =
                    "Recomputes the hash chain of every stream (or of one plan) from the stored events: ok, or the "
                            + "first event whose hash or link does not match, with the reason and both hashes.")
    ResponseEntity<?> verification(
            @RequestParam(required = false) @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
                    String planId) {
        return ResponseEntity.ok(verification.verify(planId));
    }
}

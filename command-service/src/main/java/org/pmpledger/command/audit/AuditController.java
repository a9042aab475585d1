package org.pmpledger.command.audit;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.pmpledger.web.ApiProblems;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The event store read as the system of record (AUDITOR, STATE_ADMIN)")
class AuditController {

    private final ChainVerification verification;
    private final PlanHistory history;
    private final AuditReads reads;
    private final HttpServletRequest request;
    private final JsonMapper json;
    private final ChainCheckpoints checkpoints;

    AuditController(ChainVerification verification, PlanHistory history, AuditReads reads, HttpServletRequest request,
                    JsonMapper json, ChainCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.history = history;
        this.reads = reads;
        this.request = request;
        this.json = json;
    }

    /** Auditors and state admins only; every read allowed is recorded first. */
    private Optional<ResponseEntity<?>> refusedOrRecorded() {
        Caller caller = Caller.current();
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.STATE_ADMIN)) {
            return Optional.of(ApiProblems.refuse(HttpStatus.FORBIDDEN, "auditors-only",
                    "Only an AUDITOR or STATE_ADMIN reads the audit log."));
        }
        reads.record(caller, request);
        return Optional.empty();
    }

    /** A refusal on an endpoint that writes its own (streamed) body. */
    private void writeProblem(HttpServletResponse response, ResponseEntity<?> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem.getBody());
    }

    @GetMapping(path = "/plans/{planId}/events", produces = "application/x-ndjson")
    @Operation(summary = "A plan's full history as JSON lines, streamed (AUDITOR, STATE_ADMIN)",
            description = "Every event of the plan, one JSON object per line, read with a database cursor: memory stays "
                    + "bounded whatever the plan's length.")
    void eventLines(@PathVariable @Size(max = 64) String planId, HttpServletResponse response) throws IOException {
        var refused = refusedOrRecorded();
        if (refused.isPresent() || history.count(planId) == 0) {
            writeProblem(response, refused.orElseGet(() -> ApiProblems.refuse(HttpStatus.NOT_FOUND, "not-found", "No plan " + planId + ".")));
            return;
        }
        response.setContentType("application/x-ndjson");
        history.stream(planId, response.getOutputStream());
    }

    @GetMapping(path = "/plans/{planId}/events", produces = {"application/json", "application/problem+json"})
    @Operation(summary = "A plan's full history (AUDITOR, STATE_ADMIN)",
            description = "Every event in order: who (subject, roles, agency, region), which app, idempotency key, "
                    + "correlation and trace ids, recording instant, business time (FFY, quarter), type, revision, payload, "
                    + "chain hashes. Paged JSON (page, size ≤ 1000), or every event as JSON lines, streamed, with "
                    + "Accept: application/x-ndjson.")
    ResponseEntity<?> events(@PathVariable @Size(max = 64) String planId,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        var refused = refusedOrRecorded();
        if (refused.isPresent()) {
            return refused.get();
        }
        long total = history.count(planId);
        if (total == 0) {
            return ApiProblems.refuse(HttpStatus.NOT_FOUND, "not-found", "No plan " + planId + ".");
        }
        return ResponseEntity.ok(Map.of("planId", planId, "total", total, "page", page, "size", size,
                "events", history.page(planId, page, size)));
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Chain checkpoints, newest first (AUDITOR, STATE_ADMIN)",
            description = "Each: the global position it covers, how many streams, and the head hash: SHA-256 over one line "
                    + "per stream in stream-id order, '<stream id>:<hex hash of its last event at or below that position>\\n'. "
                    + "Publish them outside the system; a later verification must reproduce them.")
    ResponseEntity<?> checkpoints(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        var refused = refusedOrRecorded();
        if (refused.isPresent()) {
            return refused.get();
        }
        return ResponseEntity.ok(Map.of("checkpoints", checkpoints.latest(limit)));
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Record a chain checkpoint now (STATE_ADMIN)",
            description = "Also recorded every pmp.audit.checkpoint-interval (default 10 minutes) when events were added.")
    ResponseEntity<?> recordCheckpoint() {
        if (!Caller.current().has(Role.STATE_ADMIN)) {
            return ApiProblems.refuse(HttpStatus.FORBIDDEN, "state-admin-records-checkpoints", "Only a STATE_ADMIN records a checkpoint.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(ChainCheckpoints.view(checkpoints.record()));
    }

    @GetMapping(path = "/events", produces = "application/x-ndjson")
    @Operation(summary = "The log itself, filtered, as streamed JSON lines (AUDITOR, STATE_ADMIN)",
            description = "Every matching event in global order: actor (subject), agency (caller's or event's), type "
                    + "(e.g. pmp.plan.PlanSubmitted), from / to (recording instants, ISO-8601 UTC, to exclusive).")
    void logLines(@RequestParam(required = false) @Size(max = 255) String actor,
                  @RequestParam(required = false) @Size(max = 64) String agency,
                  @RequestParam(required = false) @Size(max = 100) String type,
                  @RequestParam(required = false) java.time.Instant from,
                  @RequestParam(required = false) java.time.Instant to,
                  HttpServletResponse response) throws IOException {
        var refused = refusedOrRecorded();
        if (refused.isPresent()) {
            writeProblem(response, refused.get());
            return;
        }
        response.setContentType("application/x-ndjson");
        var out = response.getOutputStream();
        history.search(new PlanHistory.LogFilter(actor, agency, type, from, to), Long.MAX_VALUE, entry -> {
            try {
                out.write(json.writeValueAsBytes(entry));
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping(path = "/events", produces = {"application/json", "application/problem+json"})
    @Operation(summary = "The log itself, filtered (AUDITOR, STATE_ADMIN)",
            description = "As the JSON-lines form, at most `limit` (≤ 1000) events; use Accept: application/x-ndjson for all.")
    ResponseEntity<?> log(@RequestParam(required = false) @Size(max = 255) String actor,
                          @RequestParam(required = false) @Size(max = 64) String agency,
                          @RequestParam(required = false) @Size(max = 100) String type,
                          @RequestParam(required = false) java.time.Instant from,
                          @RequestParam(required = false) java.time.Instant to,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        var refused = refusedOrRecorded();
        if (refused.isPresent()) {
            return refused.get();
        }
        java.util.List<Map<String, Object>> events = new java.util.ArrayList<>();
        history.search(new PlanHistory.LogFilter(actor, agency, type, from, to), limit, events::add);
        return ResponseEntity.ok(Map.of("events", events, "limit", limit));
    }

    @GetMapping("/reads")
    @Operation(summary = "Who read the audit log, what and when (AUDITOR, STATE_ADMIN)",
            description = "The latest audit reads, newest first (this read included).")
    ResponseEntity<?> auditReads(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        var refused = refusedOrRecorded();
        if (refused.isPresent()) {
            return refused.get();
        }
        return ResponseEntity.ok(Map.of("reads", reads.latest(limit)));
    }

    @GetMapping("/verification")
    @Operation(summary = "Integrity check of the event log (AUDITOR, STATE_ADMIN)",
            description = "Recomputes the hash chain of every stream (or of one plan) from the stored events: ok, or the "
                    + "first event whose hash or link does not match, with the reason and both hashes.")
    ResponseEntity<?> verification(@RequestParam(required = false) @Size(max = 64) String planId) {
        var refused = refusedOrRecorded();
        if (refused.isPresent()) {
            return refused.get();
        }
        return ResponseEntity.ok(verification.verify(planId));
    }
}

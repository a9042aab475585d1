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

import org.pmpledger.web.InputFormats;
import org.pmpledger.web.RequestRefused;

/** The ledger as a whole as the auditor reads it: the log searched, the chain verified and checkpointed, who read. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The event store read as the system of record (AUDITOR, STATE_ADMIN)")
class LedgerAuditController {

    private final ChainVerification verification;
    private final ChainCheckpoints checkpoints;
    private final PlanHistory history;
    private final AuditReads reads;
    private final JsonMapper json;

    LedgerAuditController(
            ChainVerification verification,
            ChainCheckpoints checkpoints,
            PlanHistory history,
            AuditReads reads,
            JsonMapper json) {
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.history = history;
        this.reads = reads;
        this.json = json;
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
    ResponseEntity<String> checkpointHeads(@PathVariable @Min(1) long checkpointId) {
        return checkpoints
                .through(checkpointId)
                .map(through ->
                        ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(checkpoints.heads(through)))
                .orElseThrow(() -> RequestRefused.notFound("No checkpoint " + checkpointId + "."));
    }

    @GetMapping("/checkpoints")
    @Operation(
            summary = "Chain checkpoints, newest first (AUDITOR, STATE_ADMIN)",
            description =
                    "Each: the global position it covers, how many streams, and the head hash: SHA-256 over one line "
                            + "per stream in stream-id order, '<stream id>:<hex hash of its last event at or below that position>\\n'. "
                            + "Publish them outside the system; a later verification must reproduce them.")
    ResponseEntity<AuditAnswers.Checkpoints> checkpoints(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ResponseEntity.ok(new AuditAnswers.Checkpoints(checkpoints.latest(limit)));
    }

    @PostMapping("/checkpoints")
    @Operation(
            summary = "Record a chain checkpoint now (STATE_ADMIN)",
            description =
                    "Also recorded every pmp.audit.checkpoint-interval (default 10 minutes) when events were added.")
    ResponseEntity<AuditAnswers.Checkpoint> recordCheckpoint() {
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
    ResponseEntity<AuditAnswers.LedgerEvents> log(
            @RequestParam(required = false) @Size(max = 255) String actor,
            @RequestParam(required = false) @Size(max = 64) String agency,
            @RequestParam(required = false) @Size(max = 100) String type,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<Map<String, Object>> events = new ArrayList<>();
        history.search(new PlanHistory.LogFilter(actor, agency, type, from, to), limit, events::add);
        return ResponseEntity.ok(new AuditAnswers.LedgerEvents(events, limit));
    }

    @GetMapping("/reads")
    @Operation(
            summary = "Who read the audit log, what and when (AUDITOR, STATE_ADMIN)",
            description = "The latest audit reads, newest first (this read included).")
    ResponseEntity<AuditAnswers.AuditReadList> auditReads(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ResponseEntity.ok(new AuditAnswers.AuditReadList(reads.latest(limit)));
    }

    @GetMapping("/verification")
    @Operation(
            summary = "Integrity check of the event log (AUDITOR, STATE_ADMIN)",
            description =
                    "Recomputes the hash chain of every stream (or of one plan) from the stored events: ok, or the "
                            + "first event whose hash or link does not match, with the reason and both hashes.")
    ResponseEntity<ChainVerification.Result> verification(
            @RequestParam(required = false) @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
                    String planId) {
        return ResponseEntity.ok(verification.verify(planId));
    }
}

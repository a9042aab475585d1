package org.pmpledger.command.progress;

import java.util.List;
import java.util.Locale;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.command.dispatch.BatchAccepted;
import org.pmpledger.command.dispatch.CommandAccepted;
import org.pmpledger.command.dispatch.CommandDispatch;
import org.pmpledger.command.dispatch.InvalidRequestValue;
import org.pmpledger.events.plan.Quarter;

@RestController
@Tag(
        name = "Progress",
        description = "Quarterly updates of each measurement, and the final results that close the plan")
class ProgressController {

    private final CommandDispatch dispatch;

    ProgressController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PutMapping("/api/v1/plans/{planId}/entries/{entryId}/progress/{quarter}")
    @Operation(
            summary = "RecordQuarterlyProgress (LCSA_EDITOR of the agency, SERVICE; STATE_ADMIN after close)",
            description =
                    "quarter is Q1..Q4 of the plan's FFY and must have begun (422). Recorded on time or late against "
                            + "the cycle's due date. Recording a quarter again is a correction: reason required (422), the old "
                            + "value kept in the event. After final results only a STATE_ADMIN may correct, with a reason, and the "
                            + "change is flagged afterClose.")
    ResponseEntity<CommandAccepted> record(
            @PathVariable String planId,
            @PathVariable String entryId,
            @PathVariable String quarter,
            @Valid @RequestBody RecordQuarterlyProgressRequest body) {
        return dispatch.change(
                new RecordQuarterlyProgress(
                        planId, entryId, quarterOf(quarter), body.value(), body.narrative(), body.reason()),
                body);
    }

    @PostMapping("/api/v1/plans/{planId}/final-results")
    @Operation(
            summary = "SubmitFinalResults (LCSA_EDITOR of the agency, SERVICE)",
            description = "Closes an APPROVED plan once Q4 has begun. The answer's outcome.missingQ4Values lists the "
                    + "measurements still missing a Q4 value.")
    ResponseEntity<CommandAccepted> finalResults(
            @PathVariable String planId, @Valid @RequestBody(required = false) SubmitFinalResultsRequest body) {
        return dispatch.change(new SubmitFinalResults(planId, body == null ? null : body.narrative()), body);
    }

    /** The bulk path: near each due date upstream apps push every agency's values at once. */
    @PostMapping(path = "/api/v1/progress-batches", consumes = "application/json")
    @Operation(
            summary = "RecordQuarterlyProgress for many entries at once, all or nothing (same roles per plan)",
            description =
                    "items: 1 to 1,000 recordings {planId, entryId, quarter, value, narrative, reason}, each decided by "
                            + "its plan exactly as the single command. One transaction: either every item is stored, or none is "
                            + "and the answer is the first refused item's problem, its fields named items[i].field. Answers "
                            + "{commands, position, plans: [{id, version, position}]}; Idempotency-Key works as on every command.")
    ResponseEntity<BatchAccepted> recordAll(@Valid @RequestBody RecordQuarterlyProgressBatchRequest body) {
        List<RecordQuarterlyProgress> commands = body.items().stream()
                .map(item -> new RecordQuarterlyProgress(
                        item.planId(),
                        item.entryId(),
                        Quarter.valueOf(item.quarter()),
                        item.value(),
                        item.narrative(),
                        item.reason()))
                .toList();
        return dispatch.changeAll(commands, body);
    }

    private static Quarter quarterOf(String text) {
        try {
            return Quarter.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestValue.path("quarter", "must be one of Q1, Q2, Q3, Q4");
        }
    }
}

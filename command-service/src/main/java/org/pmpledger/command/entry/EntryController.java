package org.pmpledger.command.entry;

import java.net.URI;
import java.util.UUID;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.command.dispatch.CommandAccepted;
import org.pmpledger.command.dispatch.CommandDispatch;

@RestController
@RequestMapping("/api/v1/plans/{planId}/entries")
@Tag(
        name = "Plan entries",
        description = "Goal, objective, strategy or key initiative, and the performance measurement")
class EntryController {

    private final CommandDispatch dispatch;

    EntryController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping
    @Operation(
            summary = "AddPlanEntry (LCSA_EDITOR of the agency, SERVICE)",
            description =
                    "Goal, objective (a number of the cycle's objectives of that goal, or objectiveText where the cycle "
                            + "lists none), initiative and indicator must be the cycle's (422 naming the unknown code). The unit "
                            + "defaults to the indicator's. Refused while the plan is SUBMITTED (409) or CLOSED (409); on an "
                            + "APPROVED plan it is recorded as an amendment. Answers the new entry's id.")
    ResponseEntity<CommandAccepted> add(@PathVariable String planId, @Valid @RequestBody AddPlanEntryRequest body) {
        String entryId = UUID.randomUUID().toString();
        return dispatch.createIn(
                body.toCommand(planId, entryId),
                entryId,
                body,
                URI.create("/api/v1/plans/" + planId + "/entries/" + entryId));
    }

    @PutMapping("/{entryId}/measurement")
    @Operation(
            summary = "ReviseMeasurement (LCSA_EDITOR of the agency, SERVICE)",
            description =
                    "New baseline and/or target (a value left out stays), with a reason; the previous values are kept "
                            + "in the event. 422 when nothing changes.")
    ResponseEntity<CommandAccepted> reviseMeasurement(
            @PathVariable String planId,
            @PathVariable String entryId,
            @Valid @RequestBody ReviseMeasurementRequest body) {
        return dispatch.change(
                new ReviseMeasurement(planId, entryId, body.baseline(), body.target(), body.reason()), body);
    }

    @PostMapping("/{entryId}/removal")
    @Operation(
            summary = "RemovePlanEntry (LCSA_EDITOR of the agency, SERVICE)",
            description = "Removes the entry, with a reason. 409 while it still has active (not withdrawn) tactics.")
    ResponseEntity<CommandAccepted> remove(
            @PathVariable String planId, @PathVariable String entryId, @Valid @RequestBody ReasonRequest body) {
        return dispatch.change(new RemovePlanEntry(planId, entryId, body.reason()), body);
    }
}

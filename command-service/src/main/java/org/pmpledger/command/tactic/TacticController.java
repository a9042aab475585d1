package org.pmpledger.command.tactic;

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
import org.pmpledger.command.entry.ReasonRequest;

@RestController
@RequestMapping("/api/v1/plans/{planId}/tactics")
@Tag(
        name = "Tactics",
        description = "What the agency does for an entry, and where it stands; changes until the plan closes")
class TacticController {

    private final CommandDispatch dispatch;

    TacticController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping
    @Operation(
            summary = "AddTactic (LCSA_EDITOR of the agency, SERVICE)",
            description =
                    "Under an entry of the plan (422 otherwise), optionally serving a key initiative of the cycle. "
                            + "Starts NOT_STARTED. Answers the new tactic's id.")
    ResponseEntity<CommandAccepted> add(@PathVariable String planId, @Valid @RequestBody AddTacticRequest body) {
        String tacticId = UUID.randomUUID().toString();
        return dispatch.createIn(
                new AddTactic(
                        planId,
                        tacticId,
                        body.entryId(),
                        body.title(),
                        body.leads(),
                        body.description(),
                        body.projectedCompletion(),
                        body.initiative()),
                tacticId,
                body,
                URI.create("/api/v1/plans/" + planId + "/tactics/" + tacticId));
    }

    @PutMapping("/{tacticId}")
    @Operation(
            summary = "ReviseTactic (LCSA_EDITOR of the agency, SERVICE)",
            description =
                    "Any of title, leads, description, projectedCompletion, with a reason. 422 when nothing changes; "
                            + "409 for a withdrawn tactic.")
    ResponseEntity<CommandAccepted> revise(
            @PathVariable String planId, @PathVariable String tacticId, @Valid @RequestBody ReviseTacticRequest body) {
        return dispatch.change(
                new ReviseTactic(
                        planId,
                        tacticId,
                        body.title(),
                        body.leads(),
                        body.description(),
                        body.projectedCompletion(),
                        body.reason()),
                body);
    }

    @PostMapping("/{tacticId}/status")
    @Operation(
            summary = "ChangeTacticStatus (LCSA_EDITOR of the agency, SERVICE)",
            description = "NOT_STARTED → IN_PROGRESS | ON_HOLD | COMPLETED; IN_PROGRESS → ON_HOLD | COMPLETED; "
                    + "ON_HOLD → IN_PROGRESS | COMPLETED; COMPLETED → IN_PROGRESS (reopen, comment required). Other moves: 409. "
                    + "actualCompletion is required with COMPLETED, refused otherwise, never in the future (422).")
    ResponseEntity<CommandAccepted> changeStatus(
            @PathVariable String planId,
            @PathVariable String tacticId,
            @Valid @RequestBody ChangeTacticStatusRequest body) {
        return dispatch.change(
                new ChangeTacticStatus(planId, tacticId, body.status(), body.actualCompletion(), body.comment()), body);
    }

    @PostMapping("/{tacticId}/withdrawal")
    @Operation(
            summary = "WithdrawTactic (LCSA_EDITOR of the agency, SERVICE)",
            description = "With a reason; a withdrawn tactic changes no more (409).")
    ResponseEntity<CommandAccepted> withdraw(
            @PathVariable String planId, @PathVariable String tacticId, @Valid @RequestBody ReasonRequest body) {
        return dispatch.change(new WithdrawTactic(planId, tacticId, body.reason()), body);
    }
}

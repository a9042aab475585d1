package org.pmpledger.command.assistance;

import java.net.URI;
import java.util.UUID;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.command.dispatch.CommandAccepted;
import org.pmpledger.command.dispatch.CommandDispatch;

@RestController
@RequestMapping("/api/v1/plans/{planId}/assistance-requests")
@Tag(
        name = "State assistance",
        description = "Joint dependencies that need DCSS Executive Staff: raised by the agency, acknowledged and "
                + "escalated by the Regional Administrator, responded to and resolved by Executive Staff")
class AssistanceController {

    private final CommandDispatch dispatch;

    AssistanceController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping
    @Operation(
            summary = "RaiseAssistanceRequest (LCSA_EDITOR of the agency, SERVICE)",
            description = "What is needed, from whom, by when (today or later, 422), on the plan or one of its entries "
                    + "or tactics (422 naming one the plan does not hold). 409 on a CLOSED plan or one holding 100 "
                    + "requests. Answers the new request's id.")
    ResponseEntity<CommandAccepted> raise(
            @PathVariable String planId, @Valid @RequestBody RaiseAssistanceRequestRequest body) {
        String requestId = UUID.randomUUID().toString();
        return dispatch.createIn(
                new RaiseAssistanceRequest(
                        planId, requestId, body.entryId(), body.tacticId(), body.need(), body.from(), body.neededBy()),
                requestId,
                body,
                URI.create("/api/v1/plans/" + planId + "/assistance-requests/" + requestId));
    }

    @PostMapping("/{requestId}/acknowledgement")
    @Operation(
            summary = "AcknowledgeAssistanceRequest (REGIONAL_ADMIN of the plan's region)",
            description =
                    "A RAISED request becomes ACKNOWLEDGED, with a note if any (the body may be left out). 409 in "
                            + "any other status.")
    ResponseEntity<CommandAccepted> acknowledge(
            @PathVariable String planId,
            @PathVariable String requestId,
            @Valid @RequestBody(required = false) AssistanceNoteRequest body) {
        return dispatch.change(
                new AcknowledgeAssistanceRequest(planId, requestId, body == null ? null : body.note()), body);
    }

    @PostMapping("/{requestId}/escalation")
    @Operation(
            summary = "EscalateAssistanceRequest (REGIONAL_ADMIN of the plan's region)",
            description = "An ACKNOWLEDGED request goes to DCSS Executive Staff; the note says what is asked of them "
                    + "(422 without).")
    ResponseEntity<CommandAccepted> escalate(
            @PathVariable String planId,
            @PathVariable String requestId,
            @Valid @RequestBody AssistanceNoteRequest body) {
        return dispatch.change(new EscalateAssistanceRequest(planId, requestId, body.note()), body);
    }

    @PostMapping("/{requestId}/response")
    @Operation(
            summary = "RespondToAssistanceRequest (STATE_ADMIN)",
            description = "DCSS Executive Staff answer an ESCALATED request; the note is the response (422 without).")
    ResponseEntity<CommandAccepted> respond(
            @PathVariable String planId,
            @PathVariable String requestId,
            @Valid @RequestBody AssistanceNoteRequest body) {
        return dispatch.change(new RespondToAssistanceRequest(planId, requestId, body.note()), body);
    }

    @PostMapping("/{requestId}/resolution")
    @Operation(
            summary = "ResolveAssistanceRequest (STATE_ADMIN)",
            description = "A RESPONDED request is RESOLVED, the note saying how (422 without); resolving it again is "
                    + "409 (assistance-request-resolved-once).")
    ResponseEntity<CommandAccepted> resolve(
            @PathVariable String planId,
            @PathVariable String requestId,
            @Valid @RequestBody AssistanceNoteRequest body) {
        return dispatch.change(new ResolveAssistanceRequest(planId, requestId, body.note()), body);
    }

    @PostMapping("/{requestId}/comments")
    @Operation(
            summary = "CommentOnAssistanceRequest (the agency, REGIONAL_ADMIN of its region, STATE_ADMIN)",
            description = "A comment on a request not yet RESOLVED (409 after), up to 100 per request.")
    ResponseEntity<CommandAccepted> comment(
            @PathVariable String planId,
            @PathVariable String requestId,
            @Valid @RequestBody AssistanceCommentRequest body) {
        return dispatch.change(new CommentOnAssistanceRequest(planId, requestId, body.comment()), body);
    }
}

package org.pmpledger.command.plan;

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
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "An LCSA's Performance Management Plan for a cycle")
class PlanController {

    private final CommandDispatch dispatch;

    PlanController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping
    @Operation(
            summary = "DraftPlan (LCSA_EDITOR of the agency, SERVICE)",
            description = "One plan per (FFY, LCSA): 409 names the existing plan. The cycle must be open (422).")
    ResponseEntity<CommandAccepted> draft(@Valid @RequestBody DraftPlanRequest body) {
        String planId = UUID.randomUUID().toString();
        return dispatch.create(
                new DraftPlan(planId, body.ffy(), body.lcsa(), body.title()),
                body,
                URI.create("/api/v1/plans/" + planId));
    }

    @PostMapping("/{planId}/submission")
    @Operation(
            summary = "SubmitPlan (LCSA_EDITOR of the agency, SERVICE)",
            description = "Submits a DRAFT or RETURNED plan; a late submission is accepted and recorded as late.")
    ResponseEntity<CommandAccepted> submit(@PathVariable String planId) {
        return dispatch.change(new SubmitPlan(planId), null);
    }
}

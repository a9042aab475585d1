package org.pmpledger.command.review;

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
@RequestMapping("/api/v1/plans/{planId}")
@Tag(name = "Review", description = "The Regional Administrator of the agency's region reviews and comments")
class ReviewController {

    private final CommandDispatch dispatch;

    ReviewController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping("/review")
    @Operation(
            summary = "ReviewPlan (REGIONAL_ADMIN of the plan's region)",
            description = "APPROVE or RETURN a SUBMITTED plan (409 otherwise); RETURN needs comments (422). The LCSA → "
                    + "region mapping is reference data (table agency). A returned plan is edited and resubmitted; an "
                    + "approved plan stays living and later changes are amendments.")
    ResponseEntity<CommandAccepted> review(@PathVariable String planId, @Valid @RequestBody ReviewPlanRequest body) {
        return dispatch.change(new ReviewPlan(planId, body.decision(), body.comments()), body);
    }

    @PostMapping("/comments")
    @Operation(
            summary = "CommentOnPlan (REGIONAL_ADMIN of the plan's region)",
            description = "A comment on the plan or one of its entries, at any point of its life.")
    ResponseEntity<CommandAccepted> comment(
            @PathVariable String planId, @Valid @RequestBody CommentOnPlanRequest body) {
        return dispatch.change(new CommentOnPlan(planId, body.entryId(), body.comment()), body);
    }
}

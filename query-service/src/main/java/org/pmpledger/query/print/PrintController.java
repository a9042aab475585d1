package org.pmpledger.query.print;

import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.query.plan.PlanReads;

@RestController
@Tag(name = "Plans", description = "Plans as the projections know them")
class PrintController {

    private final PlanReads reads;
    private final PrintedPlans printed;

    PrintController(PlanReads reads, PrintedPlans printed) {
        this.reads = reads;
        this.printed = printed;
    }

    @GetMapping(
            path = "/api/v1/plans/{planId}",
            produces = {DocxPlans.DOCX, "application/pdf"})
    @Operation(
            summary = "One plan, printed in its cycle's DCSS template (?format=docx or ?format=pdf)",
            description =
                    "The FFY 2017 form (goal, objective, strategy, tactics with leads and dates, measurement with "
                            + "baseline, target and the four progress reports) or the FFY 2021/2022 form (goal, objective, key "
                            + "initiative, measurement with baseline and target, each quarterly update with its due date, value "
                            + "and narrative, tactics with leads), headed by the agency's name, status, approval and version, "
                            + "followed by requests for state assistance and the review history. An attachment named "
                            + "pmp-ffy<FFY>-<agency>-v<version>; ETag is the version.")
    ResponseEntity<PrintedPlan> printed(
            @PathVariable String planId, @RequestParam(required = false) @Min(1) Long minVersion) {
        PlanDocument plan = reads.read(planId, minVersion);
        return ResponseEntity.ok().eTag("\"" + plan.version() + "\"").body(printed.of(plan));
    }
}

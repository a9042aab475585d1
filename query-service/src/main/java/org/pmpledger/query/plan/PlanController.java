package org.pmpledger.query.plan;

import java.util.List;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.query.freshness.Answers;
import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.query.table.Table;

@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Plans as the projections know them")
class PlanController {

    private final PlanQueries plans;
    private final PlanReads reads;
    private final Freshness freshness;

    PlanController(PlanQueries plans, PlanReads reads, Freshness freshness) {
        this.plans = plans;
        this.reads = reads;
        this.freshness = freshness;
    }

    @GetMapping(
            path = "/{planId}",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "One plan, as a document in the template's shape",
            description =
                    "Entries with goal, objective, strategy, key initiative, measurement, quarterly updates (first "
                            + "recording's timeliness, corrections) and tactics; review history; version and position. minVersion "
                            + "waits (bounded) until the plan has reached that version, else 503 with Retry-After (404 when the projections know no such plan by then). ETag is the version. "
                            + "?format=docx or ?format=pdf for the plan printed in its cycle's DCSS template.")
    ResponseEntity<PlanDocument> plan(
            @PathVariable String planId, @RequestParam(required = false) @Min(1) Long minVersion) {
        PlanDocument plan = reads.read(planId, minVersion);
        return ResponseEntity.ok().eTag("\"" + plan.version() + "\"").body(plan);
    }

    @GetMapping(produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Plans filtered by FFY, agency and status",
            description = "Agency roles see only their own agency's plans. minPosition waits (bounded) for a position; "
                    + "?format=csv or ?format=xlsx (or Accept: text/csv) for a file, one line per plan.")
    ResponseEntity<PlanList> list(
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer ffy,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String lcsa,
            @RequestParam(required = false) @Pattern(regexp = PlanStatus.NAMES) String status,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        freshness.awaitPosition(minPosition);
        Reflects reflects = freshness.now();
        ReadScope scope = ReadScope.of(lcsa);
        return Answers.fresh(
                reflects,
                new PlanList(
                        reflects,
                        scope.none() ? List.of() : plans.list(ffy, scope.lcsa(), status),
                        PlanList.fileNameOf(ffy, lcsa, status)));
    }
}

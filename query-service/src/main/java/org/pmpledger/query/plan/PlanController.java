package org.pmpledger.query.plan;

import java.util.List;
import java.util.Optional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.query.freshness.Answers;
import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.web.ApiProblems;
import org.pmpledger.web.Caller;

@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Plans as the projections know them")
class PlanController {

    private final PlanQueries plans;
    private final PlanDocuments documents;
    private final Freshness freshness;

    PlanController(PlanQueries plans, PlanDocuments documents, Freshness freshness) {
        this.plans = plans;
        this.documents = documents;
        this.freshness = freshness;
    }

    @GetMapping("/{planId}")
    @Operation(
            summary = "One plan, as a document in the template's shape",
            description =
                    "Entries with goal, objective, strategy, key initiative, measurement, quarterly updates (first "
                            + "recording's timeliness, corrections) and tactics; review history; version and position. minVersion "
                            + "waits (bounded) until the plan has reached that version, else 503 with Retry-After (404 when the projections know no such plan by then). ETag is the version.")
    ResponseEntity<?> plan(@PathVariable String planId, @RequestParam(required = false) @Min(1) Long minVersion) {
        if (minVersion != null) {
            var notYet = freshness.awaitUntil(
                    () -> plans.find(planId).map(p -> p.version() >= minVersion).orElse(false),
                    "The plan has not reached version " + minVersion);
            if (notYet.isPresent()
                    && (plans.find(planId).isPresent()
                            || !notYet.get().getBody().getType().toString().endsWith("/not-yet-applied"))) {
                return notYet.get(); // a plan the projections know, behind the version asked for; or no wait was taken
            }
        }
        Optional<PlanDocument> plan = documents.find(planId);
        if (plan.isEmpty()) {
            return ApiProblems.refuse(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "No plan " + planId
                            + (minVersion == null
                                    ? " (yet): pass minVersion=1 to wait for a plan just drafted."
                                    : ": the projections have not seen it within the wait."));
        }
        if (!Caller.current().reads(plan.get().lcsa())) {
            return ApiProblems.refuse(
                    HttpStatus.FORBIDDEN, "own-agency-only", "Your role reads only your own agency's plans.");
        }
        return ResponseEntity.ok().eTag("\"" + plan.get().version() + "\"").body(plan.get());
    }

    @GetMapping(produces = {"application/json", "text/csv", "application/problem+json"})
    @Operation(
            summary = "Plans filtered by FFY, agency and status",
            description = "Agency roles see only their own agency's plans. minPosition waits (bounded) for a position; "
                    + "Accept: text/csv for one line per plan.")
    ResponseEntity<?> list(
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer ffy,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String lcsa,
            @RequestParam(required = false) @Pattern(regexp = "DRAFT|SUBMITTED|RETURNED|APPROVED|CLOSED") String status,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        var notYet = freshness.awaitPosition(minPosition);
        if (notYet.isPresent()) {
            return notYet.get();
        }
        Reflects reflects = freshness.now();
        Caller caller = Caller.current();
        String agency = caller.readsStatewide() ? lcsa : caller.lcsa();
        boolean sees = caller.readsStatewide() || (agency != null && (lcsa == null || lcsa.equals(agency)));
        return Answers.fresh(reflects, new PlanList(reflects, sees ? plans.list(ffy, agency, status) : List.of()));
    }
}

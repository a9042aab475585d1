package org.pmpledger.query.compliance;

import java.time.Clock;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.freshness.Today;
import org.pmpledger.query.table.Table;

@RestController
@Tag(name = "Compliance", description = "Who met the cycle's due dates")
class ComplianceController {

    private final ComplianceQueries queries;
    private final Freshness freshness;
    private final Clock clock;

    ComplianceController(ComplianceQueries queries, Freshness freshness, Clock clock) {
        this.queries = queries;
        this.freshness = freshness;
        this.clock = clock;
    }

    @GetMapping(
            path = "/api/v1/cycles/{ffy}/compliance",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Due-date compliance of a cycle",
            description = "Per agency: the plan's due date, first submission, ON_TIME / LATE / MISSING (as of today, "
                    + "California) / NOT_YET_DUE and days late; the same for each quarterly update of each measurement "
                    + "(judged by its first recording) and for final results; statewide on-time rates (on time / due).")
    ResponseEntity<ComplianceAnswer> compliance(
            @PathVariable @Min(2000) @Max(2100) int ffy, @RequestParam(required = false) @Min(0) Long minPosition) {
        return freshness.read(
                minPosition,
                reflects -> queries.compliance(ffy, Today.in(clock), reflects),
                "No cycle for FFY " + ffy + " (yet).");
    }
}

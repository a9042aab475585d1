package org.pmpledger.query.comparison;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.query.table.Table;

@RestController
@Tag(name = "Comparison", description = "How the agencies compare on a Practice Indicator")
class ComparisonController {

    private final ComparisonReports reports;
    private final Freshness freshness;

    ComparisonController(ComparisonReports reports, Freshness freshness) {
        this.reports = reports;
        this.freshness = freshness;
    }

    @GetMapping(
            path = "/api/v1/cycles/{ffy}/indicators/{indicator}/comparison",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Statewide comparison of one Practice Indicator",
            description =
                    "Per agency: baseline, target, Q1-Q4 (corrections applied and marked), latest, change, share of "
                            + "the distance covered, status, rank, quartile; statewide figures. Definitions in the answer and the "
                            + "README. minPosition waits (bounded) for a position; ?format=csv or ?format=xlsx (or Accept: text/csv) for a file, one line per agency.")
    ResponseEntity<ComparisonAnswer> comparison(
            @PathVariable @Min(2000) @Max(2100) int ffy,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,40}") String indicator,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        return freshness.read(
                minPosition,
                reflects -> reports.comparison(ffy, indicator, reflects),
                "The FFY " + ffy + " cycle has no indicator " + indicator + ".");
    }

    @GetMapping(
            path = "/api/v1/cycles/{ffy}/matrix",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Every agency against every Practice Indicator of a cycle",
            description = "One row per agency; per indicator its latest value, status and rank, as that indicator's "
                    + "comparison computes them. ?format=csv or ?format=xlsx for a file, three columns per indicator.")
    ResponseEntity<MatrixAnswer> matrix(
            @PathVariable @Min(2000) @Max(2100) int ffy, @RequestParam(required = false) @Min(0) Long minPosition) {
        return freshness.read(
                minPosition, reflects -> reports.matrix(ffy, reflects), "No FFY " + ffy + " planning cycle is open.");
    }

    @GetMapping(
            path = "/api/v1/agencies/{lcsa}/indicators/{indicator}/trend",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "One agency on one Practice Indicator across cycles",
            description = "Per cycle that measures the indicator (oldest first): the agency's row of that cycle's "
                    + "comparison (baseline, target, quarters, latest, share, status, rank, quartile), how many agencies "
                    + "reported and the statewide median. Agency roles read their own agency's.")
    ResponseEntity<TrendAnswer> trend(
            @PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String lcsa,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,40}") String indicator,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        ReadScope.requireReads(lcsa);
        return freshness.read(
                minPosition,
                reflects -> reports.trend(lcsa, indicator, reflects),
                "No cycle measures " + indicator + " for " + lcsa + ".");
    }
}

package org.pmpledger.query.initiative;

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
import org.pmpledger.query.table.Table;

@RestController
@Tag(name = "Key initiatives", description = "Which required key initiatives each plan covers")
class InitiativeController {

    private final InitiativeQueries queries;
    private final Freshness freshness;

    InitiativeController(InitiativeQueries queries, Freshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping(
            path = "/api/v1/cycles/{ffy}/initiatives",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Key-initiative coverage of a cycle",
            description =
                    "Per agency and key initiative: required (ALL, or the agency's recorded threshold-indicator value "
                            + "below the threshold), entries and tactics serving it (sub-initiatives count for their initiative), "
                            + "covered (an entry or a tactic that is not withdrawn); the list of gaps (required, not covered).")
    ResponseEntity<InitiativeAnswer> initiatives(
            @PathVariable @Min(2000) @Max(2100) int ffy, @RequestParam(required = false) @Min(0) Long minPosition) {
        return freshness.read(
                minPosition, reflects -> queries.coverage(ffy, reflects), "No cycle for FFY " + ffy + " (yet).");
    }
}

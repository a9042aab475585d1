package org.pmpledger.query.agency;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agencies", description = "The agencies expected to have a plan: reference data")
class AgencyController {

    private final Agencies agencies;

    AgencyController(Agencies agencies) {
        this.agencies = agencies;
    }

    @GetMapping(
            path = "/api/v1/agencies",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "The agencies, their names and regions",
            description = "Reference data (table agency, from ../shared/domain/reference-data.json), in code order.")
    ResponseEntity<List<Agencies.Agency>> agencies() {
        return ResponseEntity.ok(agencies.all());
    }
}

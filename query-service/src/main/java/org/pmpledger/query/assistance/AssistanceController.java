package org.pmpledger.query.assistance;

import java.time.Clock;
import java.util.Optional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.events.plan.AssistanceStatus;
import org.pmpledger.query.agency.Agencies;
import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.freshness.Today;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.query.table.Table;

@RestController
@Tag(name = "State assistance", description = "Requests for state assistance: where they stand, by age and region")
class AssistanceController {

    private final AssistanceQueries queries;
    private final Agencies agencies;
    private final Freshness freshness;
    private final Clock clock;

    AssistanceController(AssistanceQueries queries, Agencies agencies, Freshness freshness, Clock clock) {
        this.queries = queries;
        this.agencies = agencies;
        this.freshness = freshness;
        this.clock = clock;
    }

    @GetMapping(
            path = "/api/v1/assistance-requests",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Requests for state assistance, oldest first",
            description = "Filter by FFY, region (Northern, Southern), lcsa, status (RAISED, ACKNOWLEDGED, ESCALATED, "
                    + "RESPONDED, RESOLVED) and open (true: not RESOLVED). Each with its age in days and whether it is "
                    + "past the date it was needed by; per region the open ones by status and the oldest's age. Agency "
                    + "roles see their own agency's.")
    ResponseEntity<AssistanceAnswer> requests(
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer ffy,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z -]{0,63}") String region,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String lcsa,
            @RequestParam(required = false) @Pattern(regexp = AssistanceStatus.NAMES) String status,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        agencies.requireKnownRegion("region", region);
        AssistanceQueries.Filter filter = new AssistanceQueries.Filter(ffy, region, status, open, ReadScope.of(lcsa));
        return freshness.read(
                minPosition,
                reflects -> Optional.of(queries.requests(filter, Today.in(clock), reflects)),
                "No requests.");
    }
}

package org.pmpledger.query.tactic;

import java.time.Clock;
import java.util.Optional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.freshness.Today;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.query.table.Table;

@RestController
@Tag(name = "Tactics", description = "Tactics across plans: status counts and overdue tactics")
class TacticController {

    private final TacticQueries queries;
    private final Freshness freshness;
    private final Clock clock;

    TacticController(TacticQueries queries, Freshness freshness, Clock clock) {
        this.queries = queries;
        this.freshness = freshness;
        this.clock = clock;
    }

    @GetMapping(
            path = "/api/v1/cycles/{ffy}/tactics",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Tactics across the cycle's plans",
            description =
                    "Filter by status (NOT_STARTED, IN_PROGRESS, ON_HOLD, COMPLETED, WITHDRAWN), overdue (projected "
                            + "completion before today, California, and neither completed nor withdrawn), key initiative (its "
                            + "sub-initiatives included), lead (part of a name, any case), lcsa. Agency roles see their own agency's.")
    ResponseEntity<TacticAnswer> tactics(
            @PathVariable @Min(2000) @Max(2100) int ffy,
            @RequestParam(required = false) @Pattern(regexp = TacticStatus.SHOWN_NAMES) String status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @Size(max = 20) String initiative,
            @RequestParam(required = false) @Size(max = 200) String lead,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String lcsa,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        TacticQueries.Filter filter = new TacticQueries.Filter(status, overdue, initiative, lead, ReadScope.of(lcsa));
        return freshness.read(
                minPosition,
                reflects -> Optional.of(queries.tactics(ffy, filter, Today.in(clock), reflects)),
                "No tactics.");
    }
}

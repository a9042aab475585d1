package org.pmpledger.query.due;

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

import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.query.table.Table;

@RestController
@Tag(name = "What is due", description = "What agencies owe in the next days and what is overdue; calendar feeds")
class DueController {

    static final String REGION = "[A-Za-z][A-Za-z -]{0,63}";
    static final String LCSA = "[A-Z][A-Z0-9_]{1,63}";

    private final WhatIsDue due;
    private final Freshness freshness;

    DueController(WhatIsDue due, Freshness freshness) {
        this.due = due;
        this.freshness = freshness;
    }

    @GetMapping(
            path = "/api/v1/due",
            produces = {"application/json", "text/csv", Table.XLSX, "text/calendar", "application/problem+json"})
    @Operation(
            summary = "What is due in the next days and what is overdue",
            description = "Per agency (lcsa) or Regional Administrator's region: plans not yet submitted, each "
                    + "measurement's quarterly update without a value, final results, tactics neither completed nor "
                    + "withdrawn by their projected completion; in every cycle, from today (California) "
                    + "through today + days (default 30), and everything overdue. Agency roles see their own agency's. "
                    + "?format=csv, xlsx or ics (an iCalendar file; see /api/v1/feeds for a URL a calendar app "
                    + "subscribes to).")
    ResponseEntity<DueAnswer> due(
            @RequestParam(required = false) @Pattern(regexp = LCSA) String lcsa,
            @RequestParam(required = false) @Pattern(regexp = REGION) String region,
            @RequestParam(defaultValue = "30") @Min(0) @Max(366) int days,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        due.requireKnownRegion(region);
        ReadScope scope = ReadScope.of(lcsa);
        return freshness.read(
                minPosition,
                reflects -> Optional.of(due.answer(scope, region, days, reflects, DueAnswer.fileNameOf(lcsa, region))),
                "Nothing is due.");
    }
}

package org.pmpledger.command.cycle;

import java.net.URI;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.command.dispatch.CommandAccepted;
import org.pmpledger.command.dispatch.CommandDispatch;

@RestController
@RequestMapping("/api/v1/cycles")
@Tag(name = "Planning cycles", description = "DCSS opens the performance-improvement cycle of a federal fiscal year")
class CycleController {

    private final CommandDispatch dispatch;

    CycleController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping
    @Operation(
            summary = "OpenPlanningCycle (STATE_ADMIN)",
            description = "One cycle per FFY (409 if it exists). Dates must be consistent and codes unique (422).")
    ResponseEntity<CommandAccepted> open(@Valid @RequestBody OpenPlanningCycleRequest body) {
        OpenPlanningCycle command = body.toCommand();
        return dispatch.create(command, body, URI.create("/api/v1/cycles/" + body.ffy()));
    }

    @PostMapping("/{ffy}/agency-values")
    @Operation(
            summary = "RecordAgencyIndicatorValues (STATE_ADMIN)",
            description = "Agencies' values of one of the cycle's indicators, e.g. paternity establishment % from CDR "
                    + "table 1.1; they decide which agencies must cover a BELOW_PATERNITY_THRESHOLD initiative. "
                    + "Unknown indicator or agency: 422; no cycle for the FFY: 404.")
    ResponseEntity<CommandAccepted> recordAgencyValues(
            @PathVariable int ffy, @Valid @RequestBody RecordAgencyIndicatorValuesRequest body) {
        RecordAgencyIndicatorValues command = body.toCommand(ffy);
        return dispatch.change(command, body);
    }

    @PostMapping("/{ffy}/caseloads")
    @Operation(
            summary = "RecordAgencyCaseloads (STATE_ADMIN)",
            description = "Agencies' open IV-D cases for the cycle: the comparisons group agencies of similar caseload "
                    + "as peers (thirds by caseload). A later count for an agency replaces the earlier. Unknown or "
                    + "repeated agency, a date outside the FFY: 422; no cycle for the FFY: 404.")
    ResponseEntity<CommandAccepted> recordCaseloads(
            @PathVariable int ffy, @Valid @RequestBody RecordAgencyCaseloadsRequest body) {
        return dispatch.change(body.toCommand(ffy), body);
    }
}

package org.pmpledger.command.cycle;

import java.net.URI;

import jakarta.validation.Valid;

import org.pmpledger.command.dispatch.CommandAccepted;
import org.pmpledger.command.dispatch.CommandDispatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/cycles")
@Tag(name = "Planning cycles", description = "DCSS opens the performance-improvement cycle of a federal fiscal year")
class CycleController {

    private final CommandDispatch dispatch;

    CycleController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping
    @Operation(summary = "OpenPlanningCycle (STATE_ADMIN)",
            description = "One cycle per FFY (409 if it exists). Dates must be consistent and codes unique (422).")
    ResponseEntity<CommandAccepted> open(@Valid @RequestBody OpenPlanningCycleRequest body) {
        OpenPlanningCycle command = body.toCommand();
        return dispatch.create(command, command.cycleId(), body, URI.create("/api/v1/cycles/" + body.ffy()));
    }
}

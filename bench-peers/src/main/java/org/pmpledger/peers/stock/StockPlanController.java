package org.pmpledger.peers.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.command.progress.RecordQuarterlyProgress;
import org.pmpledger.command.tactic.AddTactic;
import org.pmpledger.events.plan.Quarter;

/** The command service's two commands at the same paths and with the same bodies, each sent with {@code sendAndWait}. */
@RestController
class StockPlanController {

    private final CommandGateway commands;
    private final StockHistory history;

    StockPlanController(CommandGateway commands, StockHistory history) {
        this.commands = commands;
        this.history = history;
    }

    record ProgressBody(BigDecimal value, String narrative, String reason) {}

    record TacticBody(
            String entryId,
            String title,
            List<String> leads,
            String description,
            LocalDate projectedCompletion,
            String initiative) {}

    @PutMapping("/api/v1/plans/{planId}/entries/{entryId}/progress/{quarter}")
    Map<String, Object> recordProgress(
            @PathVariable String planId,
            @PathVariable String entryId,
            @PathVariable Quarter quarter,
            @RequestBody ProgressBody body,
            @RequestHeader("X-Demo-Instant") String now) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordQuarterlyProgress(
                        planId, entryId, quarter, body.value(), body.narrative(), body.reason()))
                .andMetaData(Map.of(StockPlan.NOW, now)));
        return Map.of("planId", planId);
    }

    @PostMapping("/api/v1/plans/{planId}/tactics")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addTactic(
            @PathVariable String planId, @RequestBody TacticBody body, @RequestHeader("X-Demo-Instant") String now) {
        String tacticId = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AddTactic(
                        planId,
                        tacticId,
                        body.entryId(),
                        body.title(),
                        body.leads(),
                        body.description(),
                        body.projectedCompletion(),
                        body.initiative()))
                .andMetaData(Map.of(StockPlan.NOW, now)));
        return Map.of("id", tacticId);
    }

    /** The command service's cycles and plans as they stand, so that both decide on the same state. */
    @PostMapping("/bench/history")
    Map<String, Object> seed(@RequestBody List<StockHistory.StoredEvent> events) throws ClassNotFoundException {
        return Map.of("plans", history.seed(events));
    }
}

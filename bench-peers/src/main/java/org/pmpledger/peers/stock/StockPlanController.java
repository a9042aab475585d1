package org.pmpledger.peers.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.progress.RecordQuarterlyProgress;
import org.pmpledger.command.tactic.AddTactic;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.Quarter;

/** The command service's two commands at the same paths and with the same bodies, each sent with {@code sendAndWait}. */
@RestController
class StockPlanController {

    private final CommandGateway commands;
    private final StockCycles cycles;
    private final JsonMapper json;

    StockPlanController(CommandGateway commands, StockCycles cycles, JsonMapper json) {
        this.commands = commands;
        this.cycles = cycles;
        this.json = json;
    }

    record ProgressBody(BigDecimal value, String narrative, String reason) {}

    record TacticBody(
            String entryId,
            String title,
            List<String> leads,
            String description,
            LocalDate projectedCompletion,
            String initiative) {}

    /** One event of the command service's store: its stream, its payload type and its payload. */
    record StoredEvent(String stream, String type, JsonNode payload) {}

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
    Map<String, Object> seed(@RequestBody List<StoredEvent> history) throws ClassNotFoundException {
        Map<String, List<PlanEvent>> plans = new LinkedHashMap<>();
        for (StoredEvent stored : history) {
            Object event = json.treeToValue(stored.payload(), Class.forName(stored.type()));
            switch (event) {
                case PlanningCycleOpened opened -> cycles.opened(opened);
                case AgencyIndicatorValuesRecorded recorded -> cycles.recorded(recorded);
                case PlanEvent planEvent ->
                    plans.computeIfAbsent(stored.stream(), stream -> new ArrayList<>())
                            .add(planEvent);
                default -> {} // what the two commands never read
            }
        }
        plans.forEach((planId, events) -> commands.sendAndWait(new SeedPlan(planId, events)));
        return Map.of("plans", plans.size());
    }
}

package org.pmpledger.peers.stock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.PlanEvent;

/**
 * The command service's cycles and plans as they stand, taken from its stored events: the cycles' terms go to
 * {@link StockCycles}, each plan's events seed a {@link StockPlan}; what the two commands never read is left out.
 */
@Component
class StockHistory {

    private final CommandGateway commands;
    private final StockCycles cycles;
    private final JsonMapper json;

    StockHistory(CommandGateway commands, StockCycles cycles, JsonMapper json) {
        this.commands = commands;
        this.cycles = cycles;
        this.json = json;
    }

    /** One event of the command service's store: its stream, its payload type and its payload. */
    record StoredEvent(String stream, String type, JsonNode payload) {}

    /** Takes the history in its stored order; answers how many plans it seeded. */
    int seed(List<StoredEvent> history) throws ClassNotFoundException {
        Map<String, List<PlanEvent>> plans = new LinkedHashMap<>();
        for (StoredEvent stored : history) {
            Object event = json.treeToValue(stored.payload(), Class.forName(stored.type()));
            switch (event) {
                case PlanningCycleOpened opened -> cycles.opened(opened);
                case AgencyIndicatorValuesRecorded recorded -> cycles.recorded(recorded);
                case PlanEvent planEvent ->
                    plans.computeIfAbsent(stored.stream(), stream -> new ArrayList<>())
                            .add(planEvent);
                default -> {}
            }
        }
        plans.forEach((planId, events) -> commands.sendAndWait(new SeedPlan(planId, events)));
        return plans.size();
    }
}

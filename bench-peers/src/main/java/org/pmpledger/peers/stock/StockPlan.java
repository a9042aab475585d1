package org.pmpledger.peers.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.progress.ProgressDecisions;
import org.pmpledger.command.progress.RecordQuarterlyProgress;
import org.pmpledger.command.tactic.AddTactic;
import org.pmpledger.command.tactic.TacticDecisions;
import org.pmpledger.events.plan.PlanEvent;

/** The Plan as a stock Axon aggregate: the command service's state and decisions, Axon's default repository. */
@Aggregate
public class StockPlan {

    /** The command's instant ({@code X-Demo-Instant}), as the command service's local profile takes it. */
    static final String NOW = "now";

    @AggregateIdentifier
    private String planId;

    private PlanState state = PlanState.NONE;

    protected StockPlan() {}

    @CommandHandler
    StockPlan(SeedPlan command) {
        command.events().forEach(event -> apply(event));
    }

    @CommandHandler
    void handle(RecordQuarterlyProgress command, StockCycles cycles, @MetaDataValue(NOW) String now) {
        apply(ProgressDecisions.record(state, command, cycles.termsOf(state.ffy()), Instant.parse(now)));
    }

    @CommandHandler
    void handle(AddTactic command, StockCycles cycles, @MetaDataValue(NOW) String now) {
        apply(TacticDecisions.add(state, command, cycles.termsOf(state.ffy()), Instant.parse(now)));
    }

    @EventSourcingHandler
    void on(PlanEvent event) {
        state = state.evolve(event);
        planId = state.planId();
    }
}

package org.pmpledger.command.cycle;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.springframework.stereotype.Component;

/**
 * Reads a cycle's terms straight from its events in the current transaction. It does not load the
 * cycle aggregate: that would take the cycle's lock and serialize every plan command of the year.
 */
@Component
class StoredPlanningCycles implements PlanningCycles {

    private final EventStore events;

    StoredPlanningCycles(EventStore events) {
        this.events = events;
    }

    @Override
    public CycleTerms termsOf(int ffy) {
        CycleTerms terms = null;
        DomainEventStream stream = events.readEvents(CycleEvent.cycleIdOf(ffy));
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof PlanningCycleOpened opened) {
                terms = CycleTerms.of(opened);
            } else if (payload instanceof AgencyIndicatorValuesRecorded recorded && terms != null) {
                terms = terms.with(recorded);
            }
        }
        if (terms == null) {
            throw CommandRefused.rule("cycle-must-be-open", "No planning cycle is open for FFY " + ffy + ".",
                    new FieldProblem("ffy", "has no open planning cycle"));
        }
        return terms;
    }
}

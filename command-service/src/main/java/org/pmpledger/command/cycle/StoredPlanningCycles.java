package org.pmpledger.command.cycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.pmpledger.command.dispatch.ReadVersions;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;

/**
 * A cycle's terms, folded from its events. It does not load the cycle aggregate: that would take the cycle's lock
 * and serialize every plan command of the year. Terms folded once are kept with the cycle's version; a plan
 * command decides on them without a query, and notes the version it relied on ({@link ReadVersions}), which the
 * command's transaction checks after its append, in the query that reads the answer: if the cycle has changed
 * meanwhile, the kept terms are dropped and the command is decided again on fresh ones.
 */
@Component
class StoredPlanningCycles implements PlanningCycles {

    private record Known(long version, CycleTerms terms) {}

    private final EventStore events;
    private final Map<Integer, Known> known = new ConcurrentHashMap<>();

    StoredPlanningCycles(EventStore events) {
        this.events = events;
    }

    @Override
    public CycleTerms termsOf(int ffy) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read(ffy).terms(); // nothing would check a kept version later: read the events
        }
        Known terms = known.computeIfAbsent(ffy, this::read);
        ReadVersions.relyOn(CycleEvent.cycleIdOf(ffy), terms.version(), () -> known.remove(ffy, terms));
        return terms.terms();
    }

    /** The cycle's terms and version from its events, in the current transaction. */
    private Known read(int ffy) {
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
            throw CommandRefused.rule(
                    "cycle-must-be-open",
                    "No planning cycle is open for FFY " + ffy + ".",
                    new FieldProblem("ffy", "has no open planning cycle"));
        }
        return new Known(stream.getLastSequenceNumber(), terms);
    }
}

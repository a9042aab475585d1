package org.pmpledger.command.cycle;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads a cycle's terms straight from its events in the current transaction. It does not load the
 * cycle aggregate: that would take the cycle's lock and serialize every plan command of the year.
 * Terms folded once are kept with the cycle's version; a plan command then costs one index lookup of
 * the cycle's current version, and the events are read again only when the cycle has changed.
 */
@Component
class StoredPlanningCycles implements PlanningCycles {

    private record Known(long version, CycleTerms terms) {
    }

    private final EventStore events;
    private final DSLContext db;
    private final Map<Integer, Known> known = new ConcurrentHashMap<>();

    StoredPlanningCycles(EventStore events, DSLContext db) {
        this.events = events;
        this.db = db;
    }

    @Override
    public CycleTerms termsOf(int ffy) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return currentTermsOf(ffy);
        }
        // one look at each cycle per transaction: a bulk request's many commands share it
        @SuppressWarnings("unchecked")
        Map<Integer, CycleTerms> seen = (Map<Integer, CycleTerms>) TransactionSynchronizationManager.getResource(this);
        if (seen == null) {
            Map<Integer, CycleTerms> created = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StoredPlanningCycles.this);
                }
            });
            seen = created;
        }
        return seen.computeIfAbsent(ffy, this::currentTermsOf);
    }

    private CycleTerms currentTermsOf(int ffy) {
        Long version = db.select(DSL.max(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)).from(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(CycleEvent.cycleIdOf(ffy))).fetchOne(0, Long.class);
        Known cached = known.get(ffy);
        if (version != null && cached != null && cached.version() == version) {
            return cached.terms();
        }
        CycleTerms terms = read(ffy);
        if (version != null) {
            known.put(ffy, new Known(version, terms));
        }
        return terms;
    }

    private CycleTerms read(int ffy) {
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

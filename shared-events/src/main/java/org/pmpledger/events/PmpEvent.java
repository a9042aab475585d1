package org.pmpledger.events;

/**
 * Every published PMP Ledger event. Each context has its own sealed sub-interface
 * ({@link org.pmpledger.events.cycle.CycleEvent}, {@link org.pmpledger.events.plan.PlanEvent}) so a
 * consumer's switch over a context's events is checked for completeness by the compiler.
 */
public interface PmpEvent {

    /** The id of the stream this event belongs to: the Kafka key, so one stream keeps its order. */
    String streamId();
}

package org.pmpledger.command.cycle;

/** The cycles plans belong to, as the event store knows them now. */
public interface PlanningCycles {

    /** @throws org.pmpledger.command.refusal.CommandRefused (422) when no cycle is open for the FFY */
    CycleTerms termsOf(int ffy);
}

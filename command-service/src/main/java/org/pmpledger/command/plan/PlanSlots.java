package org.pmpledger.command.plan;

import java.util.Optional;

/** The set-based guard behind "one plan per (FFY, LCSA)": aggregates cannot see each other. */
public interface PlanSlots {

    /**
     * Claims the (FFY, LCSA) slot for a new plan in the current transaction.
     *
     * @return empty when claimed, else the id of the plan that holds it
     */
    Optional<String> claim(int ffy, String lcsa, String planId);
}

package org.pmpledger.events.plan;

/** Where a tactic stands. A withdrawn tactic is recorded by {@link TacticWithdrawn}, not by a status. */
public enum TacticStatus {
    NOT_STARTED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED
}

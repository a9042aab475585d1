package org.pmpledger.events.plan;

/**
 * A change to a plan's content (entries, measurements, tactics). Made to an approved plan, it is an
 * amendment: the Regional Administrator who approved the plan sees it as such.
 */
public interface PlanChange {

    boolean amendment();

    /** When the change was recorded (its business instant). */
    java.time.Instant changedAt();
}

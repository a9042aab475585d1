package org.pmpledger.events.plan;

import java.time.Instant;

/**
 * A change to a plan's content (entries, measurements, tactics). Made to an approved plan, it is an
 * amendment: the Regional Administrator who approved the plan sees it as such.
 */
public interface PlanChange {

    boolean amendment();

    /** When the change was recorded (its business instant). */
    Instant changedAt();
}

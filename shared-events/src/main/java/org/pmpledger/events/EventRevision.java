package org.pmpledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's JSON shape. Starts at 1; raised (never reused) whenever a released
 * event's shape changes, with an upcaster from the previous revision. A released revision's
 * meaning never changes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    int value();
}

package org.pmpledger.events.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pmpledger.events.EventRevision;

/**
 * A tactic's text or dates were revised, for a reason. Carries the tactic's resulting values and the
 * names of the fields that changed.
 */
@EventRevision(1)
public record TacticRevised(
        String planId,
        int ffy,
        String lcsa,
        String tacticId,
        String title,
        List<String> leads,
        String description,
        LocalDate projectedCompletion,
        List<String> changed,
        String reason,
        boolean amendment,
        Instant revisedAt)
        implements PlanEvent, PlanChange {

    /** The name {@code changed} gives the projected completion date when the revision moved it. */
    public static final String PROJECTED_COMPLETION = "projectedCompletion";

    @Override
    public Instant changedAt() {
        return revisedAt;
    }
}

package org.pmpledger.events.plan;

import java.math.BigDecimal;
import java.time.Instant;

import org.pmpledger.events.EventRevision;

/** An entry's baseline and target were revised, for a reason; the previous values are kept. */
@EventRevision(1)
public record MeasurementRevised(
        String planId,
        int ffy,
        String lcsa,
        String entryId,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal previousBaseline,
        BigDecimal previousTarget,
        String reason,
        boolean amendment,
        Instant revisedAt)
        implements PlanEvent, PlanChange {

    @Override
    public Instant changedAt() {
        return revisedAt;
    }
}

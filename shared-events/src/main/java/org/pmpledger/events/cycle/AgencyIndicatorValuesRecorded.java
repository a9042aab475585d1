package org.pmpledger.events.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pmpledger.events.EventRevision;

/**
 * The state recorded agencies' values of one of the cycle's indicators (e.g. paternity establishment %
 * from the Comparative Data Report, table 1.1). A later recording for the same agency replaces the
 * earlier value for the cycle's rules.
 */
@EventRevision(1)
public record AgencyIndicatorValuesRecorded(
        String cycleId, int ffy, String indicator, List<AgencyValue> values, Instant recordedAt) implements CycleEvent {

    /** @param asOf the date the value describes */
    public record AgencyValue(String lcsa, BigDecimal value, LocalDate asOf) {}
}

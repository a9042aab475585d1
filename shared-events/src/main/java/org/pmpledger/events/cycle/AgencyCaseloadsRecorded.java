package org.pmpledger.events.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pmpledger.events.EventRevision;

/**
 * The state recorded agencies' caseloads for a cycle (open IV-D cases): what groups agencies of similar size as peers
 * in the comparisons. A later recording for the same agency replaces the earlier one.
 */
@EventRevision(1)
public record AgencyCaseloadsRecorded(String cycleId, int ffy, List<AgencyCaseload> caseloads, Instant recordedAt)
        implements CycleEvent {

    /**
     * @param cases the agency's open IV-D cases
     * @param asOf  the date the count describes
     */
    public record AgencyCaseload(String lcsa, long cases, LocalDate asOf) {}
}

package org.pmpledger.command.cycle;

import java.time.LocalDate;
import java.time.ZoneId;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;

/** What plans need to know of their cycle: its year and due dates. Folded from the cycle's events. */
public record CycleTerms(int ffy, LocalDate planDueDate, QuarterDueDates quarterDueDates) {

    /** Due dates are California dates. */
    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    static CycleTerms of(PlanningCycleOpened opened) {
        return new CycleTerms(opened.ffy(), opened.planDueDate(), opened.quarterDueDates());
    }
}

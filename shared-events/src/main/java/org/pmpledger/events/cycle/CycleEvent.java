package org.pmpledger.events.cycle;

import org.pmpledger.events.PmpEvent;

/** Events of a planning cycle (one per federal fiscal year). */
public sealed interface CycleEvent extends PmpEvent
        permits PlanningCycleOpened, AgencyIndicatorValuesRecorded, AgencyCaseloadsRecorded {

    /** The federal fiscal year, named by the year it ends (2022 = 2021-10-01 .. 2022-09-30). */
    int ffy();

    String cycleId();

    @Override
    default String streamId() {
        return cycleId();
    }

    /** The cycle id for a federal fiscal year: one cycle per FFY. */
    static String cycleIdOf(int ffy) {
        return "cycle-" + ffy;
    }
}

package org.pmpledger.peers.stock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.PlanningCycleOpened;

/** The planning cycles' terms by FFY, as the command service's cycles hold them (seeded from its events). */
@Component
public class StockCycles {

    private final Map<Integer, CycleTerms> terms = new ConcurrentHashMap<>();

    void opened(PlanningCycleOpened opened) {
        terms.put(opened.ffy(), CycleTerms.of(opened));
    }

    void recorded(AgencyIndicatorValuesRecorded recorded) {
        terms.computeIfPresent(recorded.ffy(), (ffy, current) -> current.with(recorded));
    }

    CycleTerms termsOf(int ffy) {
        CycleTerms cycle = terms.get(ffy);
        if (cycle == null) {
            throw new IllegalStateException("no planning cycle for FFY " + ffy);
        }
        return cycle;
    }
}

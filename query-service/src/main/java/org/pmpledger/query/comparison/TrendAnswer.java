package org.pmpledger.query.comparison;

import java.math.BigDecimal;
import java.util.List;

import org.pmpledger.query.comparison.IndicatorComparison.AgencyRow;
import org.pmpledger.query.freshness.Reflects;

/** One agency on one Practice Indicator across the cycles that measure it, oldest cycle first. */
record TrendAnswer(String lcsa, String indicator, Reflects reflects, List<Cycle> cycles) {

    /**
     * The agency's row of the indicator's comparison in one cycle (statuses, ranks and quartiles as the comparison
     * computes them), with how many agencies reported and the statewide median.
     */
    record Cycle(
            int ffy, String title, String unit, String direction, AgencyRow agency, int reporting, BigDecimal median) {}
}

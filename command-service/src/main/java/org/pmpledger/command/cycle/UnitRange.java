package org.pmpledger.command.cycle;

import java.math.BigDecimal;
import java.util.Optional;

import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;

/**
 * The values a measurement takes in its unit: every baseline, target, quarterly value and agency value keeps them.
 * A percentage lies between 0 and 1000 (the federal paternity establishment percentage can exceed 100), a count is a
 * whole number up to a billion, an amount of money has cents and stays below a trillion, a ratio (dollars collected
 * per dollar spent) stays below a million. A measurement without a unit keeps only the bounds of every number of a
 * request.
 */
public enum UnitRange {
    PERCENT(MeasureUnit.PERCENT, "0", "1000", 4, "a percentage between 0 and 1000 with at most 4 decimals"),
    COUNT(MeasureUnit.COUNT, "0", "1000000000", 0, "a whole number between 0 and 1,000,000,000"),
    CURRENCY(
            MeasureUnit.CURRENCY,
            "0",
            "999999999999.99",
            2,
            "an amount between 0 and 999,999,999,999.99 in dollars and cents"),
    RATIO(MeasureUnit.RATIO, "0", "1000000", 4, "a ratio between 0 and 1,000,000 with at most 4 decimals");

    private final MeasureUnit unit;
    private final BigDecimal lowest;
    private final BigDecimal highest;
    private final int decimals;
    private final String rule;

    UnitRange(MeasureUnit unit, String lowest, String highest, int decimals, String rule) {
        this.unit = unit;
        this.lowest = new BigDecimal(lowest);
        this.highest = new BigDecimal(highest);
        this.decimals = decimals;
        this.rule = rule;
    }

    /** Why {@code value} is not a value of {@code unit} ("must be ..."), or empty when it is (or either is absent). */
    public static Optional<String> refusal(MeasureUnit unit, BigDecimal value) {
        if (unit == null || value == null) {
            return Optional.empty();
        }
        UnitRange range = of(unit);
        boolean fits = value.compareTo(range.lowest) >= 0
                && value.compareTo(range.highest) <= 0
                && Math.max(0, value.stripTrailingZeros().scale()) <= range.decimals;
        return fits ? Optional.empty() : Optional.of("must be " + range.rule + " (unit " + unit + ")");
    }

    private static UnitRange of(MeasureUnit unit) {
        for (UnitRange range : values()) {
            if (range.unit == unit) {
                return range;
            }
        }
        throw new IllegalArgumentException("no range for " + unit);
    }
}

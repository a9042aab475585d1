package org.pmpledger.events.plan;

import java.math.BigDecimal;

import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;

/**
 * The performance measurement of a plan entry.
 *
 * @param indicator a Practice Indicator code of the cycle, or null for another measure named by {@code title}
 * @param baseline  null until known
 * @param target    the target for the cycle's own FFY; null until set
 */
public record Measurement(String indicator, String title, MeasureUnit unit, BigDecimal baseline, BigDecimal target) {}

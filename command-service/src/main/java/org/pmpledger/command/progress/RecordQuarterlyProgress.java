package org.pmpledger.command.progress;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pmpledger.events.plan.Quarter;

/** The LCSA (or its app) records a quarter's measured value and narrative for an entry. */
public record RecordQuarterlyProgress(@TargetAggregateIdentifier String planId, String entryId, Quarter quarter,
                                      BigDecimal value, String narrative, String reason) {
}

package org.pmpledger.command.entry;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The LCSA revises an entry's baseline and/or target (null: unchanged), for a reason. */
public record ReviseMeasurement(@TargetAggregateIdentifier String planId, String entryId, BigDecimal baseline,
                                BigDecimal target, String reason) {
}

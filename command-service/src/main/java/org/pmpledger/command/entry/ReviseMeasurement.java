package org.pmpledger.command.entry;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The LCSA revises an entry's baseline and/or target (null: unchanged), for a reason. */
@Authorized(Access.PLANS_AGENCY)
public record ReviseMeasurement(
        @TargetAggregateIdentifier String planId,
        String entryId,
        BigDecimal baseline,
        BigDecimal target,
        String reason) {}

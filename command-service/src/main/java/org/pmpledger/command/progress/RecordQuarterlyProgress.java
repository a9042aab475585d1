package org.pmpledger.command.progress;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;
import org.pmpledger.events.plan.Quarter;

/** The LCSA (or its app) records a quarter's measured value and narrative for an entry. */
@Authorized(Access.PLANS_AGENCY_UNTIL_CLOSED)
public record RecordQuarterlyProgress(
        @TargetAggregateIdentifier String planId,
        String entryId,
        Quarter quarter,
        BigDecimal value,
        String narrative,
        String reason) {}

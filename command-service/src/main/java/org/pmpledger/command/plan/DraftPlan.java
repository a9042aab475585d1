package org.pmpledger.command.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An LCSA starts its plan for a cycle. */
public record DraftPlan(@TargetAggregateIdentifier String planId, int ffy, String lcsa, String title) {
}

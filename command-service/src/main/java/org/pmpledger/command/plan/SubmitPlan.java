package org.pmpledger.command.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The LCSA submits its draft (or returned) plan for review. */
public record SubmitPlan(@TargetAggregateIdentifier String planId) {
}

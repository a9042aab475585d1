package org.pmpledger.command.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Regional Administrator of the plan's region approves or returns the submitted plan. */
public record ReviewPlan(@TargetAggregateIdentifier String planId, ReviewDecision decision, String comments) {
}

package org.pmpledger.command.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Regional Administrator of the plan's region comments on the plan or one of its entries. */
public record CommentOnPlan(@TargetAggregateIdentifier String planId, String entryId, String comment) {
}

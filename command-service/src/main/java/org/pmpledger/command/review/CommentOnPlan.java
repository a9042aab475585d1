package org.pmpledger.command.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The Regional Administrator of the plan's region comments on the plan or one of its entries. */
@Authorized(Access.PLANS_REGION)
public record CommentOnPlan(@TargetAggregateIdentifier String planId, String entryId, String comment) {}

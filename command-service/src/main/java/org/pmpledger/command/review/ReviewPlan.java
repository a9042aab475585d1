package org.pmpledger.command.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The Regional Administrator of the plan's region approves or returns the submitted plan. */
@Authorized(Access.PLANS_REGION)
public record ReviewPlan(@TargetAggregateIdentifier String planId, ReviewDecision decision, String comments) {}

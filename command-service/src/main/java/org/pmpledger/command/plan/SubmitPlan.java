package org.pmpledger.command.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The LCSA submits its draft (or returned) plan for review. */
@Authorized(Access.PLANS_AGENCY)
public record SubmitPlan(@TargetAggregateIdentifier String planId) {}

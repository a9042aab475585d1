package org.pmpledger.command.tactic;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The LCSA withdraws a tactic, for a reason; it changes no more. */
@Authorized(Access.PLANS_AGENCY)
public record WithdrawTactic(@TargetAggregateIdentifier String planId, String tacticId, String reason) {}

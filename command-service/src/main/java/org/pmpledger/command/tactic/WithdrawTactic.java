package org.pmpledger.command.tactic;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The LCSA withdraws a tactic, for a reason; it changes no more. */
public record WithdrawTactic(@TargetAggregateIdentifier String planId, String tacticId, String reason) {
}

package org.pmpledger.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The LCSA submits its final results: the plan closes. */
@Authorized(Access.PLANS_AGENCY)
public record SubmitFinalResults(@TargetAggregateIdentifier String planId, String narrative) {}

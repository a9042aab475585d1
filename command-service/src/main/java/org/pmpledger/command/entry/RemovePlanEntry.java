package org.pmpledger.command.entry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The LCSA removes an entry from its plan, for a reason. */
@Authorized(Access.PLANS_AGENCY)
public record RemovePlanEntry(@TargetAggregateIdentifier String planId, String entryId, String reason) {}

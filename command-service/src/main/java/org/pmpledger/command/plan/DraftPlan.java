package org.pmpledger.command.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;
import org.pmpledger.command.access.CommandAccess;

/** An LCSA starts its plan for a cycle. */
@Authorized(Access.NAMED_AGENCY)
public record DraftPlan(@TargetAggregateIdentifier String planId, int ffy, String lcsa, String title)
        implements CommandAccess.NamesAgency {}

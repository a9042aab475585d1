package org.pmpledger.command.assistance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The Regional Administrator of the plan's region acknowledges a raised request, with a note if any. */
@Authorized(Access.PLANS_REGION)
public record AcknowledgeAssistanceRequest(
        @TargetAggregateIdentifier String planId, String requestId, String note) implements AssistanceStep {}

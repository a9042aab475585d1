package org.pmpledger.command.assistance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The Regional Administrator of the plan's region escalates an acknowledged request to DCSS Executive Staff. */
@Authorized(Access.PLANS_REGION)
public record EscalateAssistanceRequest(
        @TargetAggregateIdentifier String planId, String requestId, String note) implements AssistanceStep {}

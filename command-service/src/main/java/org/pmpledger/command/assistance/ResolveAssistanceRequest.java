package org.pmpledger.command.assistance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** DCSS Executive Staff resolve a request they responded to, saying how. */
@Authorized(
        value = Access.STATE_ADMIN,
        rule = "executive-staff-respond-and-resolve",
        refusal = "Only DCSS Executive Staff (STATE_ADMIN) respond to and resolve a request for state assistance.")
public record ResolveAssistanceRequest(
        @TargetAggregateIdentifier String planId, String requestId, String note) implements AssistanceStep {}

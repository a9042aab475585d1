package org.pmpledger.command.assistance;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The plan's agency asks for state assistance, on the plan, one of its entries or one of its tactics. */
@Authorized(Access.PLANS_AGENCY)
public record RaiseAssistanceRequest(
        @TargetAggregateIdentifier String planId,
        String requestId,
        String entryId,
        String tacticId,
        String need,
        String from,
        LocalDate neededBy) {}

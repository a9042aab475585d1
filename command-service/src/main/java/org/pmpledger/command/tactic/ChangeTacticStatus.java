package org.pmpledger.command.tactic;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;
import org.pmpledger.events.plan.TacticStatus;

/** The LCSA moves a tactic to another status; COMPLETED comes with the actual completion date. */
@Authorized(Access.PLANS_AGENCY)
public record ChangeTacticStatus(
        @TargetAggregateIdentifier String planId,
        String tacticId,
        TacticStatus status,
        LocalDate actualCompletion,
        String comment) {}

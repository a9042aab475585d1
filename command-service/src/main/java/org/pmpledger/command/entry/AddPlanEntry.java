package org.pmpledger.command.entry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;
import org.pmpledger.events.plan.Measurement;

/** The LCSA adds an entry to its plan: goal, objective, strategy or initiative, and a measurement. */
@Authorized(Access.PLANS_AGENCY)
public record AddPlanEntry(
        @TargetAggregateIdentifier String planId,
        String entryId,
        int goal,
        Integer objective,
        String objectiveText,
        String strategy,
        String initiative,
        Measurement measurement) {}

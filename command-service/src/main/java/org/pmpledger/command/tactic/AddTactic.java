package org.pmpledger.command.tactic;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The LCSA adds a tactic under one of its plan's entries. */
@Authorized(Access.PLANS_AGENCY)
public record AddTactic(
        @TargetAggregateIdentifier String planId,
        String tacticId,
        String entryId,
        String title,
        List<String> leads,
        String description,
        LocalDate projectedCompletion,
        String initiative) {}

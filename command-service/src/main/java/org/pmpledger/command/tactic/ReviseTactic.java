package org.pmpledger.command.tactic;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The LCSA revises a tactic's text or projected completion (null: unchanged), for a reason. */
@Authorized(Access.PLANS_AGENCY)
public record ReviseTactic(
        @TargetAggregateIdentifier String planId,
        String tacticId,
        String title,
        List<String> leads,
        String description,
        LocalDate projectedCompletion,
        String reason) {}

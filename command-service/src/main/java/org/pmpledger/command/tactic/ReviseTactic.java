package org.pmpledger.command.tactic;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The LCSA revises a tactic's text or projected completion (null: unchanged), for a reason. */
public record ReviseTactic(@TargetAggregateIdentifier String planId, String tacticId, String title, List<String> leads,
                           String description, LocalDate projectedCompletion, String reason) {
}

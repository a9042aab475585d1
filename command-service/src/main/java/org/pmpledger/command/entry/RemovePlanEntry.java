package org.pmpledger.command.entry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The LCSA removes an entry from its plan, for a reason. */
public record RemovePlanEntry(@TargetAggregateIdentifier String planId, String entryId, String reason) {
}

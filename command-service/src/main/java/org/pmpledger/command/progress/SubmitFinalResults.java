package org.pmpledger.command.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The LCSA submits its final results: the plan closes. */
public record SubmitFinalResults(@TargetAggregateIdentifier String planId, String narrative) {
}

package org.pmpledger.command.cycle;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded.AgencyValue;

/** The state records agencies' values of one of the cycle's indicators (e.g. paternity establishment %). */
public record RecordAgencyIndicatorValues(@TargetAggregateIdentifier String cycleId, String indicator,
                                          List<AgencyValue> values) {
}

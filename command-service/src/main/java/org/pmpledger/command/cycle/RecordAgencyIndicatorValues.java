package org.pmpledger.command.cycle;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded.AgencyValue;

/** The state records agencies' values of one of the cycle's indicators (e.g. paternity establishment %). */
@Authorized(
        value = Access.STATE_ADMIN,
        rule = "state-admin-records-agency-values",
        refusal = "Only a STATE_ADMIN records agencies' indicator values.")
public record RecordAgencyIndicatorValues(
        @TargetAggregateIdentifier String cycleId, String indicator, List<AgencyValue> values) {}

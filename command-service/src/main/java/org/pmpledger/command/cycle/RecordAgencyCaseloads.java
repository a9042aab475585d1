package org.pmpledger.command.cycle;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;
import org.pmpledger.events.cycle.AgencyCaseloadsRecorded.AgencyCaseload;

/** The state records agencies' caseloads for the cycle: what makes agencies of similar size peers. */
@Authorized(
        value = Access.STATE_ADMIN,
        rule = "state-admin-records-caseloads",
        refusal = "Only a STATE_ADMIN records agencies' caseloads.")
public record RecordAgencyCaseloads(
        @TargetAggregateIdentifier String cycleId, List<AgencyCaseload> caseloads) {}

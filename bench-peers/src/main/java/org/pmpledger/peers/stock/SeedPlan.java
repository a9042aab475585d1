package org.pmpledger.peers.stock;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.events.plan.PlanEvent;

/** A plan as the command service holds it: its events so far, in order, as read from the service's event store. */
public record SeedPlan(@TargetAggregateIdentifier String planId, List<PlanEvent> events) {}

package org.pmpledger.events.plan;

import java.time.Instant;

import org.pmpledger.events.EventRevision;

/** An LCSA started its plan for a cycle. There is at most one plan per (FFY, LCSA). */
@EventRevision(1)
public record PlanDrafted(String planId, int ffy, String lcsa, String title, Instant draftedAt) implements PlanEvent {}

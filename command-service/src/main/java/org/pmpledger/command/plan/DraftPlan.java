package org.pmpledger.command.plan;

/** An LCSA starts its plan for a cycle. */
public record DraftPlan(String planId, int ffy, String lcsa, String title) {
}

package org.pmpledger.events.plan;

/** Where a plan is in its life: draft, submitted, returned for revision, approved, closed. */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    CLOSED
}

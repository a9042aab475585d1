package org.pmpledger.events.plan;

/** Where a plan is in its life: draft, submitted, returned for revision, approved, closed. */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    CLOSED;

    /** Every status's name, as a regular expression for a request's field. */
    public static final String NAMES = "DRAFT|SUBMITTED|RETURNED|APPROVED|CLOSED";
}

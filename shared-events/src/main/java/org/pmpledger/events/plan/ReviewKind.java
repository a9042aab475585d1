package org.pmpledger.events.plan;

/** What a review record of a plan is: an approval, a return for revision, or a comment. */
public enum ReviewKind {
    APPROVED,
    RETURNED,
    COMMENT
}

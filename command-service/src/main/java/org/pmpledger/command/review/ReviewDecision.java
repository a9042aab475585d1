package org.pmpledger.command.review;

/** A Regional Administrator's decision on a submitted plan. */
public enum ReviewDecision {
    APPROVE,
    RETURN
}

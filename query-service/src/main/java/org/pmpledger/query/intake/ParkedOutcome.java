package org.pmpledger.query.intake;

/**
 * What a retry or a release of parked records did.
 *
 * @param resolved the records resolved: applied, passed over or released
 * @param waiting  the records of the stream that wait still (the first with its new reason)
 */
public record ParkedOutcome(long resolved, long waiting) {}

package org.pmpledger.query.intake;

/**
 * Folds published events into read-model tables. It only translates facts into writes: no rule, no
 * read. The writes of one poll are coalesced ({@link Writes}) into a few statements with bound values, run in the
 * transaction that also stores the checkpoints.
 */
public interface Projection {

    void fold(PublishedEvent published, Writes writes);
}

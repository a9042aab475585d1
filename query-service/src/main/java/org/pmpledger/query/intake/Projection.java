package org.pmpledger.query.intake;

import java.util.List;

import org.jooq.Query;

/**
 * Folds published events into read-model tables. It only translates facts into writes: no rule, no
 * read. The writes of one poll run as one JDBC batch, in event order, in the transaction that also
 * stores the checkpoints.
 */
public interface Projection {

    void fold(PublishedEvent published, List<Query> writes);
}

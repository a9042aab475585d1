package org.pmpledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;

import org.pmpledger.testsupport.TestPostgres;

/**
 * Correctness under the load just measured: every event's previous_hash must be its predecessor's event_hash and no
 * sequence number may be skipped (the service's own ChainVerification also recomputes each hash).
 *
 * @param events the events in the event store
 * @param broken the events whose link to their predecessor is broken
 */
record ChainLinks(long events, long broken) {

    /** The links of every stream in the event store. */
    static ChainLinks in(TestPostgres.Database eventStore) throws Exception {
        try (Connection c =
                        DriverManager.getConnection(eventStore.jdbcUrl(), eventStore.user(), eventStore.password());
                var query = c.createStatement();
                var result = query.executeQuery("""
                     SELECT count(*),
                            count(*) FILTER (WHERE e.sequence_number > 0
                                             AND (p.event_hash IS NULL OR p.event_hash IS DISTINCT FROM e.previous_hash))
                     FROM domain_event_entry e
                     LEFT JOIN domain_event_entry p
                       ON p.aggregate_identifier = e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1""")) {
            result.next();
            return new ChainLinks(result.getLong(1), result.getLong(2));
        }
    }
}

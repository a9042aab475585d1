package org.pmpledger.command.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The other streams a transaction's decisions relied on without locking them, at the version they were read (a
 * plan command reads its cycle's terms from memory). {@link CommandTransactions} checks them after the append, in the
 * same query that reads the answer's heads: a stream that moved on meanwhile makes the request {@link Stale}, and
 * it is decided again from fresh state; nothing of the stale attempt is stored.
 */
public final class ReadVersions {

    private static final Object KEY = ReadVersions.class;

    /** A stream read at a version, and what to forget when it turns out to have moved on. */
    record Read(long version, Runnable onStale) {}

    private ReadVersions() {}

    /**
     * Notes that the current transaction's decisions relied on {@code streamId} at {@code version} (its last
     * sequence number); {@code onStale} runs when that is no longer its version. Outside a transaction: nothing
     * to check later, the caller reads fresh state.
     */
    public static void relyOn(String streamId, long version, Runnable onStale) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        current(true).putIfAbsent(streamId, new Read(version, onStale)); // the first read decided
    }

    /** The reads of the current transaction (empty outside one). */
    static Map<String, Read> ofCurrentTransaction() {
        Map<String, Read> reads = current(false);
        return reads == null ? Map.of() : reads;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Read> current(boolean create) {
        Map<String, Read> reads = (Map<String, Read>) TransactionSynchronizationManager.getResource(KEY);
        if (reads == null && create) {
            Map<String, Read> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            return created;
        }
        return reads;
    }

    /** A stream the decisions relied on changed before they were stored: decide again (409 when it keeps changing). */
    static final class Stale extends ConcurrencyException {

        Stale(String streamId, long read, Long now) {
            super("Stream " + streamId + " changed while the request was decided (read at version " + read + ", now "
                    + now + ")");
        }
    }
}

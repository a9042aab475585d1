package org.pmpledger.query.intake;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure to apply records goes away on its own: the database unreachable, restarting, out of connections,
 * a deadlock or a serialization conflict, a timeout. Those batches are retried as they are, without loss. Every other
 * failure (a value or constraint the tables refuse, a projection that cannot fold the event) stays the same however
 * often it is retried, so its record is parked instead.
 */
final class IntakeFailures {

    /** SQLSTATE classes of failures that pass: connection, transaction rollback, resources, operator, system. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "55", "57", "58", "XX");

    private IntakeFailures() {
    }

    static boolean passes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                return TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2));
            }
        }
        return false;
    }

    /** A reason short enough to keep: the failure's type and first line. */
    static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        String reason = root.getClass().getSimpleName() + ": " + message;
        return reason.length() > 1900 ? reason.substring(0, 1900) : reason;
    }
}

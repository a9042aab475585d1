package org.pmpledger.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database's and passes by itself: unreachable or restarting, out of connections, a lock or
 * statement timeout, a deadlock or serialization conflict. A request that meets one is answered 503 with Retry-After;
 * the intake retries its batch. Every other failure stays what it is.
 */
public final class DatabaseFailures {

    /** SQLSTATE classes of failures that pass: connection, transaction rollback, resources, locks, operator, system I/O. */
    private static final Set<String> PASSING_CLASSES = Set.of("08", "40", "53", "55", "57", "58");

    private DatabaseFailures() {}

    /**
     * Decided by the innermost SQLSTATE when the failure has one (a translated exception's type can say otherwise:
     * "program limit exceeded" is no failure that passes); else by the type of the failure.
     */
    public static boolean passes(Throwable failure) {
        SQLException innermost = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2) {
                innermost = sql;
            }
        }
        if (innermost != null) {
            return PASSING_CLASSES.contains(innermost.getSQLState().substring(0, 2));
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}

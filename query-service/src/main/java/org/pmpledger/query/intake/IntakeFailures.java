package org.pmpledger.query.intake;

import org.pmpledger.web.DatabaseFailures;

/**
 * What the intake makes of a failure to apply records: one that passes by itself (the database's, see
 * {@link DatabaseFailures}) is retried with its batch as it is, without loss; every other one (a value or constraint the
 * tables refuse, a projection that cannot fold the event) stays the same however often it is retried, so its record is
 * parked instead.
 */
final class IntakeFailures {

    private IntakeFailures() {}

    static boolean passes(Throwable failure) {
        return DatabaseFailures.passes(failure);
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

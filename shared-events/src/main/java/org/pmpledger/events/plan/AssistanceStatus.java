package org.pmpledger.events.plan;

/**
 * Where a request for state assistance stands, in the only order it moves: an LCSA raises it, the Regional
 * Administrator of its region acknowledges it and escalates it to DCSS Executive Staff, who respond and resolve it.
 */
public enum AssistanceStatus {
    RAISED,
    ACKNOWLEDGED,
    ESCALATED,
    RESPONDED,
    RESOLVED;

    /** Every status, as a regular expression for a request's field. */
    public static final String NAMES = "RAISED|ACKNOWLEDGED|ESCALATED|RESPONDED|RESOLVED";

    /** The status a request must have for this one to follow it; none for {@link #RAISED}. */
    public AssistanceStatus previous() {
        return this == RAISED ? null : values()[ordinal() - 1];
    }
}

package org.pmpledger.command.access;

/** Who may send a command of a family: declared once on the command's class ({@link Authorized}). */
public enum Access {
    /** Only a STATE_ADMIN (cycles and their agency values). */
    STATE_ADMIN,
    /** The agency the command names (a draft): its own LCSA_EDITOR, a SERVICE app acting for it, a statewide SERVICE app with STATE_ADMIN. */
    NAMED_AGENCY,
    /** The plan's agency, as for {@link #NAMED_AGENCY}. */
    PLANS_AGENCY,
    /** The plan's agency while the plan is open; once it is closed, only a STATE_ADMIN (a correction after close). */
    PLANS_AGENCY_UNTIL_CLOSED,
    /** A REGIONAL_ADMIN of the region the plan's agency belongs to. */
    PLANS_REGION,
    /** The parties to a plan: its agency (as for {@link #PLANS_AGENCY}), a REGIONAL_ADMIN of its region, a STATE_ADMIN. */
    PLANS_PARTIES
}

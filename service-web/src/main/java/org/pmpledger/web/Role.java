package org.pmpledger.web;

/** The roles of API.md, carried in the JWT's {@code roles} claim. */
public enum Role {
    /** Opens and amends planning cycles, records agency indicator values, reads everything. */
    STATE_ADMIN,
    /** Drafts, edits and submits its own agency's plan, records its progress. */
    LCSA_EDITOR,
    /** Reviews and comments on plans of the agencies in its region. */
    REGIONAL_ADMIN,
    /** Reads every projection and export. */
    ANALYST,
    /** Reads the audit endpoints and every projection; sends no command. */
    AUDITOR,
    /** An upstream app: the commands of the agency in its {@code lcsa} claim, or of any agency with {@code "*"}. */
    SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }
}

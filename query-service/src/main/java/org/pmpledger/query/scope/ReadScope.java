package org.pmpledger.query.scope;

import org.pmpledger.web.Caller;
import org.pmpledger.web.RequestRefused;

/**
 * Which agencies' plans a read shows its caller, declared once for every query read: a statewide reader (STATE_ADMIN,
 * ANALYST, AUDITOR, REGIONAL_ADMIN, a statewide SERVICE app) reads every agency's, an agency role its own only. A
 * filtered read asking for another agency than the caller's own shows it nothing; reading one plan of another
 * agency is refused.
 *
 * @param none true when the read shows nothing
 * @param lcsa the one agency it shows; null (and not none) for every agency
 */
public record ReadScope(boolean none, String lcsa) {

    private static final ReadScope NOTHING = new ReadScope(true, null);

    /** What a read filtered by {@code asked} (null: any agency) shows the current caller. */
    public static ReadScope of(String asked) {
        Caller caller = Caller.current();
        if (caller.readsStatewide()) {
            return new ReadScope(false, asked);
        }
        String own = caller.lcsa();
        return own == null || (asked != null && !asked.equals(own)) ? NOTHING : new ReadScope(false, own);
    }

    /** Refused (not allowed) unless the current caller reads this agency's plans. */
    public static void requireReads(String lcsa) {
        if (!Caller.current().reads(lcsa)) {
            throw RequestRefused.notAllowed("own-agency-only", "Your role reads only your own agency's plans.");
        }
    }
}

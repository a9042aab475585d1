package org.pmpledger.query.print;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.pmpledger.document.PlanDocument;

/**
 * A plan as it is printed: its document, its agency's name, and what its cycle's form needs.
 *
 * @param agencyName  the agency's name in the reference data (its code when unknown)
 * @param quarterDues each quarter's update due date (Q1..Q4), empty for a cycle without them (the FFY 2017 form)
 */
record PrintedPlan(PlanDocument plan, String agencyName, Map<String, LocalDate> quarterDues) {

    /** The cycle's form: with quarterly due dates the FFY 2021/2022 form, without them the FFY 2017 one. */
    boolean keyInitiativeForm() {
        return !quarterDues.isEmpty();
    }

    /** The name a download is saved as, without its extension, e.g. {@code pmp-ffy2022-kern-v12}. */
    String fileName() {
        return "pmp-ffy" + plan.ffy() + "-" + plan.lcsa().toLowerCase(Locale.ROOT) + "-v" + plan.version();
    }
}

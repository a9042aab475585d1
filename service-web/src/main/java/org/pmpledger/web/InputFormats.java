package org.pmpledger.web;

/** The forms ids and codes take in requests, as regular expressions for {@code @Pattern}. */
public final class InputFormats {

    /** A plan, entry or tactic id. */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public static final String UUID_MESSAGE = "must be an id as the API gave it (a UUID)";
    /** An agency (LCSA) code, e.g. ALAMEDA. */
    public static final String AGENCY = "[A-Z][A-Z0-9_]{1,63}";

    public static final String AGENCY_MESSAGE = "must be an agency code such as ALAMEDA";
    /** A Practice Indicator's code, e.g. SPM-2. */
    public static final String INDICATOR = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

    public static final String INDICATOR_MESSAGE = "must be an indicator code such as SPM-2 (letters, digits, . _ -)";
    /** A key initiative's or sub-initiative's code, e.g. 4 or 1a. */
    public static final String INITIATIVE = "[A-Za-z0-9][A-Za-z0-9._-]{0,19}";

    public static final String INITIATIVE_MESSAGE = "must be an initiative code such as 1a (letters, digits, . _ -)";

    private InputFormats() {}
}

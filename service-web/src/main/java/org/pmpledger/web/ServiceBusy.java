package org.pmpledger.web;

/**
 * The service cannot take the request now, and will soon: answered 503 with Retry-After, nothing of the request done.
 * Named by the rule that says why (e.g. {@code commands-wait-too-long}).
 */
public final class ServiceBusy extends RuntimeException {

    private final String rule;

    public ServiceBusy(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

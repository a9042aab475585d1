package org.pmpledger.command.dispatch;

/** A request header with a value the API does not accept (400). */
final class InvalidHeader extends RuntimeException {

    private final String header;

    InvalidHeader(String header, String message) {
        super(message, null, false, false);
        this.header = header;
    }

    String header() {
        return header;
    }
}

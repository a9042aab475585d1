package org.pmpledger.command.dispatch;

/** A request header or path segment with a value the API does not accept (400). */
public final class InvalidRequestValue extends RuntimeException {

    private final String where;
    private final String name;

    private InvalidRequestValue(String where, String name, String message) {
        super(message, null, false, false);
        this.where = where;
        this.name = name;
    }

    static InvalidRequestValue header(String header, String message) {
        return new InvalidRequestValue("Header", header, message);
    }

    public static InvalidRequestValue path(String segment, String message) {
        return new InvalidRequestValue("Path segment", segment, message);
    }

    String where() {
        return where;
    }

    String name() {
        return name;
    }
}

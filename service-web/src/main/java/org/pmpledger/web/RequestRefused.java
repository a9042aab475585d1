package org.pmpledger.web;

import java.util.List;

/**
 * A read or operation refused by a rule outside the command domain (a plan not found, another agency's plan, a point
 * in history not given, a record already resolved): nothing is done. Named by its rule; the web layer answers it as
 * problem+json ({@link ApiProblems}), with the status of its {@link Kind}.
 */
public final class RequestRefused extends RuntimeException {

    /** What kind of refusal. */
    public enum Kind {
        /** The request is malformed or incomplete. */
        INVALID,
        /** The caller's role or agency does not allow it. */
        NOT_ALLOWED,
        /** What it names does not exist (or not yet on this side). */
        NOT_FOUND,
        /** The state of what it names does not allow it now. */
        CONFLICT
    }

    /** A field of the request and what is wrong with it. */
    public record Field(String name, String message) {}

    private final Kind kind;
    private final String rule;
    private final List<Field> fields;

    private RequestRefused(Kind kind, String rule, String detail, List<Field> fields) {
        super(detail, null, false, false);
        this.kind = kind;
        this.rule = rule;
        this.fields = List.copyOf(fields);
    }

    public static RequestRefused invalid(String rule, String detail, String field, String message) {
        return new RequestRefused(Kind.INVALID, rule, detail, List.of(new Field(field, message)));
    }

    public static RequestRefused notAllowed(String rule, String detail) {
        return new RequestRefused(Kind.NOT_ALLOWED, rule, detail, List.of());
    }

    public static RequestRefused notFound(String detail) {
        return new RequestRefused(Kind.NOT_FOUND, "not-found", detail, List.of());
    }

    public static RequestRefused conflict(String rule, String detail) {
        return new RequestRefused(Kind.CONFLICT, rule, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public List<Field> fields() {
        return fields;
    }
}

package org.pmpledger.command.refusal;

import java.util.List;

/**
 * A command refused by a rule of the domain: nothing is stored. Thrown by aggregates and command
 * handlers; answered over HTTP as problem+json whose {@code type} names the rule.
 */
public final class CommandRefused extends RuntimeException {

    /** What kind of refusal: the web layer answers each with its own status. */
    public enum Kind {
        /** A business rule. */
        RULE,
        /** The state of the plan or cycle does not allow it now. */
        STATE,
        /** The caller's role, agency or region does not allow it. */
        FORBIDDEN,
        /** The plan version the client saw is not the current one. */
        VERSION,
        /** The entry or tactic named does not exist in the plan. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String rule;
    private final List<FieldProblem> problems;

    private CommandRefused(Kind kind, String rule, String message, List<FieldProblem> problems) {
        super(message, null, false, false);
        this.kind = kind;
        this.rule = rule;
        this.problems = List.copyOf(problems);
    }

    public static CommandRefused rule(String rule, String message, FieldProblem... problems) {
        return new CommandRefused(Kind.RULE, rule, message, List.of(problems));
    }

    public static CommandRefused rule(String rule, String message, List<FieldProblem> problems) {
        return new CommandRefused(Kind.RULE, rule, message, problems);
    }

    public static CommandRefused state(String rule, String message) {
        return new CommandRefused(Kind.STATE, rule, message, List.of());
    }

    public static CommandRefused notFound(String rule, String message) {
        return new CommandRefused(Kind.NOT_FOUND, rule, message, List.of());
    }

    public static CommandRefused forbidden(String rule, String message) {
        return new CommandRefused(Kind.FORBIDDEN, rule, message, List.of());
    }

    public static CommandRefused version(long expected, long actual) {
        return new CommandRefused(
                Kind.VERSION,
                "version-must-match",
                "The plan is at version " + actual + ", not " + expected
                        + " (If-Match): read it again and decide on the current version.",
                List.of(new FieldProblem("If-Match", "expected \"" + actual + "\"")));
    }

    /** Refuses under {@code rule} when there is any problem, naming every one. */
    public static void refuseIfAny(List<FieldProblem> problems, String rule, String message) {
        if (!problems.isEmpty()) {
            throw rule(rule, message + ": " + problems.size() + " problem(s).", problems);
        }
    }

    /** Refuses under {@code rule} a command that says no reason where one is required. */
    public static void requireReason(String reason, String rule, String what) {
        if (reason == null || reason.isBlank()) {
            throw rule(rule, what + " needs a reason.", new FieldProblem("reason", "is required"));
        }
    }

    /**
     * The same refusal of item {@code index} of a batch: the message and every field name the item
     * ({@code items[3].quarter}), so the caller knows which one to fix.
     */
    public CommandRefused ofItem(int index) {
        String item = "items[" + index + "]";
        List<FieldProblem> named = problems.isEmpty()
                ? List.of(new FieldProblem(item, getMessage()))
                : problems.stream()
                        .map(p -> new FieldProblem(item + "." + p.field(), p.message()))
                        .toList();
        return new CommandRefused(kind, rule, item + ": " + getMessage(), named);
    }

    public Kind kind() {
        return kind;
    }

    /** The rule in kebab-case, e.g. {@code one-plan-per-agency-and-year}. */
    public String rule() {
        return rule;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

package org.pmpledger.command.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may send this command: every command class says so, and {@link CommandAccess} decides it before the command is
 * decided (what the command names itself, on the command bus; what only its plan knows, in the plan's interceptor).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Authorized {

    Access value();

    /** The rule a refused caller is told, in kebab-case; for agency and region access their own rule. */
    String rule() default "";

    /** The refusal in words, with the rule. */
    String refusal() default "";
}

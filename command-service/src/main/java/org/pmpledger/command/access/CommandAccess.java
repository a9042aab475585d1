package org.pmpledger.command.access;

import java.util.function.Supplier;

import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** The decisions of {@link Authorized}: whether a caller may send a command, refused with the rule that says no. */
public final class CommandAccess {

    private static final ClassValue<Authorized> DECLARED = new ClassValue<>() {
        @Override
        protected Authorized computeValue(Class<?> type) {
            Authorized authorized = type.getAnnotation(Authorized.class);
            if (authorized == null) {
                throw new IllegalStateException(type.getName() + " does not say who may send it (@Authorized)");
            }
            if (authorized.value() == Access.STATE_ADMIN
                    && (authorized.rule().isBlank() || authorized.refusal().isBlank())) {
                throw new IllegalStateException(
                        type.getName() + " names no rule and refusal for its STATE_ADMIN access");
            }
            return authorized;
        }
    };

    private CommandAccess() {}

    /** The access a command class declares. */
    public static Access of(Class<?> commandType) {
        return DECLARED.get(commandType).value();
    }

    /** Decides what the command names itself: STATE_ADMIN commands, and a draft for the agency it names. */
    public static void beforeHandling(Object command, Caller caller) {
        Authorized declared = DECLARED.get(command.getClass());
        switch (declared.value()) {
            case STATE_ADMIN -> {
                if (!caller.has(Role.STATE_ADMIN)) {
                    throw CommandRefused.forbidden(declared.rule(), declared.refusal());
                }
            }
            case NAMED_AGENCY -> requireActsFor(caller, ((NamesAgency) command).lcsa());
            default -> {
                // decided with the plan (onPlan)
            }
        }
    }

    /**
     * Decides what only the plan knows: its agency, its status, its agency's region ({@code region} asked only when
     * needed).
     */
    public static void onPlan(Object command, Caller caller, String lcsa, PlanStatus status, Supplier<String> region) {
        switch (of(command.getClass())) {
            case PLANS_AGENCY -> requireActsFor(caller, lcsa);
            case PLANS_AGENCY_UNTIL_CLOSED -> {
                if (status != PlanStatus.CLOSED) {
                    requireActsFor(caller, lcsa);
                } else if (!caller.has(Role.STATE_ADMIN)) {
                    throw CommandRefused.forbidden(
                            "closed-plan-corrected-by-state-admin-only",
                            "The plan is closed: only a STATE_ADMIN may still correct its quarterly progress.");
                }
            }
            case PLANS_REGION -> {
                String of = region.get();
                if (!caller.has(Role.REGIONAL_ADMIN)
                        || caller.region() == null
                        || !caller.region().equals(of)) {
                    throw CommandRefused.forbidden(
                            "regional-admin-of-the-plans-region",
                            "Only a REGIONAL_ADMIN of the " + of + " region reviews and comments on " + lcsa
                                    + "'s plan.");
                }
            }
            case PLANS_PARTIES -> {
                if (!caller.actsFor(lcsa)
                        && !caller.has(Role.STATE_ADMIN)
                        && !(caller.has(Role.REGIONAL_ADMIN)
                                && caller.region() != null
                                && caller.region().equals(region.get()))) {
                    throw CommandRefused.forbidden(
                            "parties-to-the-plan",
                            "Only " + lcsa + "'s own agency, the Regional Administrator of its region or DCSS "
                                    + "Executive Staff take part in its requests for state assistance.");
                }
            }
            default -> {
                // decided before handling (beforeHandling)
            }
        }
    }

    /** Agency roles act only for their own agency's plan; SERVICE apps as their {@code lcsa} claim allows. */
    private static void requireActsFor(Caller caller, String agency) {
        if (!caller.actsFor(agency)) {
            throw CommandRefused.forbidden(
                    "own-agency-only",
                    "Only " + agency + "'s own LCSA_EDITOR or a SERVICE app acting for it may change its plan.");
        }
    }

    /** A command that names the agency it is for. */
    public interface NamesAgency {
        String lcsa();
    }
}

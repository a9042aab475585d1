package org.pmpledger.command.plan;

import java.time.Clock;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import org.pmpledger.command.agency.Agencies;
import org.pmpledger.command.cycle.PlanningCycles;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;

/**
 * Decides DraftPlan, which needs more than one aggregate can see: the cycle must be open and the
 * (FFY, LCSA) slot free. The new plan's first event, the slot and the idempotency record commit
 * together.
 */
@Component
public class PlanDrafting {

    private final Repository<Plan> plans;
    private final PlanningCycles cycles;
    private final PlanSlots slots;
    private final Agencies agencies;
    private final Clock clock;

    public PlanDrafting(
            Repository<Plan> plans, PlanningCycles cycles, PlanSlots slots, Agencies agencies, Clock clock) {
        this.plans = plans;
        this.cycles = cycles;
        this.slots = slots;
        this.agencies = agencies;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(DraftPlan command) throws Exception {
        if (!agencies.knows(command.lcsa())) {
            throw CommandRefused.rule(
                    "agency-must-be-known",
                    command.lcsa() + " is not a known LCSA.",
                    new FieldProblem("lcsa", "is not a known agency code: " + command.lcsa()));
        }
        cycles.termsOf(command.ffy());
        slots.claim(command.ffy(), command.lcsa(), command.planId()).ifPresent(existing -> {
            throw CommandRefused.state(
                    "one-plan-per-agency-and-year",
                    command.lcsa() + " already has plan " + existing + " for FFY " + command.ffy()
                            + "; there is one plan per agency and year.");
        });
        plans.newInstance(() -> new Plan(command, clock.instant()));
        return command.planId();
    }
}

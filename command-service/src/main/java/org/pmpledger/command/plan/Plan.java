package org.pmpledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.PlanningCycles;
import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.web.Caller;

/**
 * One LCSA's Performance Management Plan for one cycle: a living document whose every change is an
 * event. Its version is the number of its events.
 */
@Aggregate
public class Plan {

    @AggregateIdentifier
    private String planId;
    private int ffy;
    private String lcsa;
    private PlanStatus status;
    private int submissions;

    protected Plan() {
    }

    Plan(DraftPlan command, Instant now) {
        apply(new PlanDrafted(command.planId(), command.ffy(), command.lcsa(), command.title(), now));
    }

    /** If-Match: the client's version must be the plan's current version, checked under the plan's lock. */
    @CommandHandlerInterceptor
    void versionMustMatch(@MetaDataValue(CommandContext.EXPECTED_VERSION) Long expected) {
        if (expected != null) {
            long actual = AggregateLifecycle.getVersion() + 1;
            if (expected != actual) {
                throw CommandRefused.version(expected, actual);
            }
        }
    }

    @CommandHandler
    void handle(SubmitPlan command, MetaData metaData, PlanningCycles cycles, Clock clock) {
        requireActsFor(Caller.fromMap(metaData), lcsa);
        if (status != PlanStatus.DRAFT && status != PlanStatus.RETURNED) {
            throw CommandRefused.state("only-draft-or-returned-plan-is-submitted",
                    "The plan is " + status + "; only a DRAFT or RETURNED plan can be submitted.");
        }
        CycleTerms terms = cycles.termsOf(ffy);
        Instant now = clock.instant();
        LocalDate submittedOn = LocalDate.ofInstant(now, CycleTerms.CALIFORNIA);
        int daysLate = (int) Math.max(0, ChronoUnit.DAYS.between(terms.planDueDate(), submittedOn));
        apply(new PlanSubmitted(planId, ffy, lcsa, submissions + 1, terms.planDueDate(), daysLate > 0, daysLate, now));
    }

    @EventSourcingHandler
    void on(PlanDrafted event) {
        planId = event.planId();
        ffy = event.ffy();
        lcsa = event.lcsa();
        status = PlanStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(PlanSubmitted event) {
        status = PlanStatus.SUBMITTED;
        submissions = event.submission();
    }

    /** Agency roles act only for their own agency's plan; SERVICE apps as their {@code lcsa} claim allows. */
    static void requireActsFor(Caller caller, String agency) {
        if (!caller.actsFor(agency)) {
            throw CommandRefused.forbidden("own-agency-only",
                    "Only " + agency + "'s own LCSA_EDITOR or a SERVICE app acting for it may change its plan.");
        }
    }
}

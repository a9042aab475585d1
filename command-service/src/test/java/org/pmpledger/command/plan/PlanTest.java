package org.pmpledger.command.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmpledger.command.cycle.CycleTerms;
import org.pmpledger.command.cycle.PlanningCycles;
import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** The rules of a plan, each with its success and its refusals. */
class PlanTest {

    private static final String PLAN = "plan-1";
    private static final LocalDate DUE = LocalDate.parse("2021-09-15");
    private static final PlanDrafted DRAFTED =
            new PlanDrafted(PLAN, 2022, "ALAMEDA", "Alameda PMP", Instant.parse("2021-08-20T17:30:00Z"));

    private AggregateTestFixture<Plan> fixture;

    private void at(String instant) {
        fixture.registerInjectableResource(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Plan.class);
        PlanningCycles cycles = ffy -> new CycleTerms(ffy, DUE, null);
        fixture.registerInjectableResource(cycles);
    }

    private static MetaData as(Role role, String lcsa) {
        return MetaData.from(new Caller("someone", Set.of(role), lcsa, null, "app").toMap());
    }

    @Test
    void canSubmitOnTheDueDateInCalifornia() {
        at("2021-09-16T06:59:00Z"); // 23:59 on the 15th in Sacramento

        fixture.given(DRAFTED)
                .when(new SubmitPlan(PLAN), as(Role.LCSA_EDITOR, "ALAMEDA"))
                .expectEvents(new PlanSubmitted(PLAN, 2022, "ALAMEDA", 1, DUE, false, 0, Instant.parse("2021-09-16T06:59:00Z")));
    }

    @Test
    void lateSubmissionIsAcceptedAndRecordedAsLate() {
        at("2021-09-17T18:05:00Z");

        fixture.given(DRAFTED)
                .when(new SubmitPlan(PLAN), as(Role.LCSA_EDITOR, "ALAMEDA"))
                .expectEvents(new PlanSubmitted(PLAN, 2022, "ALAMEDA", 1, DUE, true, 2, Instant.parse("2021-09-17T18:05:00Z")));
    }

    @Test
    void serviceAppForEveryAgencyCanSubmit() {
        at("2021-09-10T18:00:00Z");

        fixture.given(DRAFTED)
                .when(new SubmitPlan(PLAN), as(Role.SERVICE, Caller.ANY_AGENCY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotSubmitAnotherAgencysPlan() {
        at("2021-09-10T18:00:00Z");

        fixture.given(DRAFTED)
                .when(new SubmitPlan(PLAN), as(Role.LCSA_EDITOR, "FRESNO"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ALAMEDA"));
    }

    @Test
    void analystCannotSubmit() {
        at("2021-09-10T18:00:00Z");

        fixture.given(DRAFTED)
                .when(new SubmitPlan(PLAN), as(Role.ANALYST, null))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void cannotSubmitASubmittedPlan() {
        at("2021-09-10T18:00:00Z");

        fixture.given(DRAFTED, new PlanSubmitted(PLAN, 2022, "ALAMEDA", 1, DUE, false, 0, Instant.parse("2021-09-10T18:00:00Z")))
                .when(new SubmitPlan(PLAN), as(Role.LCSA_EDITOR, "ALAMEDA"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("SUBMITTED"));
    }

    @Test
    void cannotChangeAPlanWhoseVersionIsNotTheOneTheClientSaw() {
        at("2021-09-10T18:00:00Z");
        MetaData staleVersion = as(Role.LCSA_EDITOR, "ALAMEDA").and(CommandContext.EXPECTED_VERSION, 5L);

        fixture.given(DRAFTED)
                .when(new SubmitPlan(PLAN), staleVersion)
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("version 1, not 5"));
    }

    @Test
    void canChangeAPlanAtTheVersionTheClientSaw() {
        at("2021-09-10T18:00:00Z");
        MetaData currentVersion = as(Role.LCSA_EDITOR, "ALAMEDA").and(CommandContext.EXPECTED_VERSION, 1L);

        fixture.given(DRAFTED)
                .when(new SubmitPlan(PLAN), currentVersion)
                .expectSuccessfulHandlerExecution();
    }

}

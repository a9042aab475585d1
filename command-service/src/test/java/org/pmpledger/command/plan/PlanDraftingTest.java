package org.pmpledger.command.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.access.CommandAuthorization;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** DraftPlan: the cycle must be open, one plan per (FFY, LCSA), only the agency's own editor or app. */
class PlanDraftingTest {

    private static final Instant NOW = Instant.parse("2021-08-20T17:30:00Z");

    private AggregateTestFixture<Plan> fixture;
    private final Map<String, String> slots = new HashMap<>();

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerCommandHandlerInterceptor(CommandAuthorization.unregistered());
        PlanSlots inMemory = (ffy, lcsa, planId) -> Optional.ofNullable(slots.putIfAbsent(ffy + "/" + lcsa, planId));
        fixture.registerAnnotatedCommandHandler(new PlanDrafting(
                fixture.getRepository(),
                PlanFixtures.CYCLES,
                inMemory,
                PlanFixtures.AGENCIES,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static MetaData editorOf(String lcsa) {
        return MetaData.from(new Caller("editor", Set.of(Role.LCSA_EDITOR), lcsa, null, "app").toMap());
    }

    @Test
    void canDraftAPlanForAnOpenCycle() {
        fixture.givenNoPriorActivity()
                .when(new DraftPlan("plan-1", 2022, "ALAMEDA", "Alameda PMP"), editorOf("ALAMEDA"))
                .expectEvents(new PlanDrafted("plan-1", 2022, "ALAMEDA", "Alameda PMP", NOW))
                .expectResultMessagePayload("plan-1");
    }

    @Test
    void cannotDraftASecondPlanForTheSameAgencyAndYear() {
        slots.put("2022/ALAMEDA", "plan-0");

        fixture.givenNoPriorActivity()
                .when(new DraftPlan("plan-1", 2022, "ALAMEDA", null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(Matchers.containsString("plan-0"));
    }

    @Test
    void cannotDraftForAYearWithoutAnOpenCycle() {
        fixture.givenNoPriorActivity()
                .when(new DraftPlan("plan-1", 2031, "ALAMEDA", null), editorOf("ALAMEDA"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage(Matchers.containsString("FFY 2031"));
    }

    @Test
    void cannotDraftAnotherAgencysPlan() {
        fixture.givenNoPriorActivity()
                .when(new DraftPlan("plan-1", 2022, "ALAMEDA", null), editorOf("KERN"))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void cannotDraftForAnUnknownAgency() {
        fixture.givenNoPriorActivity()
                .when(new DraftPlan("plan-1", 2022, "ATLANTIS", null), PlanFixtures.statewideService())
                .expectNoEvents()
                .expectException(PlanFixtures.refused("agency-must-be-known", 1));
    }
}

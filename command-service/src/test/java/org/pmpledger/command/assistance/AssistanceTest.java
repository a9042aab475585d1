package org.pmpledger.command.assistance;

import static org.pmpledger.command.plan.PlanFixtures.ENTRY;
import static org.pmpledger.command.plan.PlanFixtures.PLAN;
import static org.pmpledger.command.plan.PlanFixtures.TACTIC;
import static org.pmpledger.command.plan.PlanFixtures.approved;
import static org.pmpledger.command.plan.PlanFixtures.drafted;
import static org.pmpledger.command.plan.PlanFixtures.editorOf;
import static org.pmpledger.command.plan.PlanFixtures.entry;
import static org.pmpledger.command.plan.PlanFixtures.planFixture;
import static org.pmpledger.command.plan.PlanFixtures.refused;
import static org.pmpledger.command.plan.PlanFixtures.regionalAdminOf;
import static org.pmpledger.command.plan.PlanFixtures.stateAdmin;
import static org.pmpledger.command.plan.PlanFixtures.submitted;
import static org.pmpledger.command.plan.PlanFixtures.tactic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.plan.Plan;
import org.pmpledger.events.plan.AssistanceRequestAdvanced;
import org.pmpledger.events.plan.AssistanceRequestCommented;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.AssistanceStatus;
import org.pmpledger.events.plan.FinalResultsSubmitted;

/**
 * Requests for state assistance: the agency raises one on its plan, an entry or a tactic; the Regional Administrator of
 * its region acknowledges and escalates it; DCSS Executive Staff respond and resolve it; the parties comment on the way.
 */
class AssistanceTest {

    private static final String NOW = "2022-01-14T18:00:00Z";
    private static final Instant AT = Instant.parse(NOW);
    private static final String REQUEST = "request-1";
    private static final LocalDate BY = LocalDate.parse("2022-03-31");
    private static final Object[] APPROVED_KERN = {
        drafted("KERN"), entry("KERN"), tactic("KERN", TACTIC, ENTRY, "1"), submitted("KERN", 1), approved("KERN")
    };
    private static final AssistanceRequested RAISED = new AssistanceRequested(
            PLAN,
            2022,
            "KERN",
            REQUEST,
            ENTRY,
            null,
            "Employer data match",
            "DCSS Technology Services",
            BY,
            "someone",
            AT.minusSeconds(86_400));

    private static AggregateTestFixture<Plan> fixture() {
        return planFixture(NOW);
    }

    private static AssistanceRequestAdvanced advanced(AssistanceStatus status, String by, String region, String note) {
        return new AssistanceRequestAdvanced(PLAN, 2022, "KERN", REQUEST, status, by, region, note, AT);
    }

    private static final AssistanceRequestAdvanced ACKNOWLEDGED =
            advanced(AssistanceStatus.ACKNOWLEDGED, "ra@Southern", "Southern", null);
    private static final AssistanceRequestAdvanced ESCALATED =
            advanced(AssistanceStatus.ESCALATED, "ra@Southern", "Southern", "Needs an agreement");
    private static final AssistanceRequestAdvanced RESPONDED =
            advanced(AssistanceStatus.RESPONDED, "someone", null, "Agreement drafted");
    private static final AssistanceRequestAdvanced RESOLVED =
            advanced(AssistanceStatus.RESOLVED, "someone", null, "Agreement signed");

    @Test
    void theAgencyRaisesARequestOnAnEntryOfItsPlan() {
        fixture()
                .given(APPROVED_KERN)
                .when(
                        new RaiseAssistanceRequest(
                                PLAN, REQUEST, ENTRY, TACTIC, "Employer data match", "DCSS Technology Services", BY),
                        editorOf("KERN"))
                .expectEvents(new AssistanceRequested(
                        PLAN,
                        2022,
                        "KERN",
                        REQUEST,
                        ENTRY,
                        TACTIC,
                        "Employer data match",
                        "DCSS Technology Services",
                        BY,
                        "someone",
                        AT));
    }

    @Test
    void anotherAgencyCannotRaiseARequestOnThePlan() {
        fixture()
                .given(APPROVED_KERN)
                .when(new RaiseAssistanceRequest(PLAN, REQUEST, null, null, "Help", "DCSS", BY), editorOf("FRESNO"))
                .expectNoEvents()
                .expectException(refused("own-agency-only"));
    }

    @Test
    void aRequestNamesOnlyAnEntryAndATacticThePlanHolds() {
        fixture()
                .given(APPROVED_KERN)
                .when(new RaiseAssistanceRequest(PLAN, REQUEST, "e-404", "t-404", "Help", "DCSS", BY), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("assistance-names-what-the-plan-holds", 2));
    }

    @Test
    void assistanceIsNeededByTodayOrLater() {
        fixture()
                .given(APPROVED_KERN)
                .when(
                        new RaiseAssistanceRequest(
                                PLAN, REQUEST, null, null, "Help", "DCSS", LocalDate.parse("2022-01-13")),
                        editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("assistance-needed-by-today-or-later", 1));
    }

    @Test
    void aClosedPlanTakesNoNewRequest() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(new FinalResultsSubmitted(PLAN, 2022, "KERN", "Done", List.of(), null, false, 0, AT))
                .when(new RaiseAssistanceRequest(PLAN, REQUEST, null, null, "Help", "DCSS", BY), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("assistance-requested-on-an-open-plan"));
    }

    @Test
    void aPlanHoldsAtMostAHundredRequests() {
        List<Object> history = new ArrayList<>(List.of(APPROVED_KERN));
        for (int i = 0; i < AssistanceDecisions.MAX_REQUESTS; i++) {
            history.add(new AssistanceRequested(
                    PLAN, 2022, "KERN", "r-" + i, null, null, "Help", "DCSS", BY, "someone", AT));
        }
        fixture()
                .given(history)
                .when(new RaiseAssistanceRequest(PLAN, REQUEST, null, null, "Help", "DCSS", BY), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("plan-holds-at-most-100-assistance-requests"));
    }

    @Test
    void theRegionalAdministratorOfThePlansRegionAcknowledges() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new AcknowledgeAssistanceRequest(PLAN, REQUEST, null), regionalAdminOf("Southern"))
                .expectEvents(ACKNOWLEDGED);
    }

    @Test
    void aRegionalAdministratorOfAnotherRegionCannotAcknowledge() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new AcknowledgeAssistanceRequest(PLAN, REQUEST, null), regionalAdminOf("Northern"))
                .expectNoEvents()
                .expectException(refused("regional-admin-of-the-plans-region"));
    }

    @Test
    void theRegionalAdministratorEscalatesAnAcknowledgedRequestSayingWhat() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED, ACKNOWLEDGED)
                .when(new EscalateAssistanceRequest(PLAN, REQUEST, "Needs an agreement"), regionalAdminOf("Southern"))
                .expectEvents(ESCALATED);
    }

    @Test
    void anEscalationSaysWhatIsAskedOfExecutiveStaff() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED, ACKNOWLEDGED)
                .when(new EscalateAssistanceRequest(PLAN, REQUEST, " "), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("assistance-step-says-why", 1));
    }

    @Test
    void aRaisedRequestIsNotEscalatedBeforeItIsAcknowledged() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new EscalateAssistanceRequest(PLAN, REQUEST, "Needs an agreement"), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("assistance-request-steps-in-order"));
    }

    @Test
    void executiveStaffRespondToAnEscalatedRequest() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED, ACKNOWLEDGED, ESCALATED)
                .when(new RespondToAssistanceRequest(PLAN, REQUEST, "Agreement drafted"), stateAdmin())
                .expectEvents(RESPONDED);
    }

    @Test
    void onlyExecutiveStaffRespond() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED, ACKNOWLEDGED, ESCALATED)
                .when(new RespondToAssistanceRequest(PLAN, REQUEST, "Done it myself"), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("executive-staff-respond-and-resolve"));
    }

    @Test
    void executiveStaffResolveARequestTheyRespondedTo() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED, ACKNOWLEDGED, ESCALATED, RESPONDED)
                .when(new ResolveAssistanceRequest(PLAN, REQUEST, "Agreement signed"), stateAdmin())
                .expectEvents(RESOLVED);
    }

    @Test
    void aRequestIsResolvedOnce() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED, ACKNOWLEDGED, ESCALATED, RESPONDED, RESOLVED)
                .when(new ResolveAssistanceRequest(PLAN, REQUEST, "Again"), stateAdmin())
                .expectNoEvents()
                .expectException(refused("assistance-request-resolved-once"));
    }

    @Test
    void aStepNamesARequestOfThePlan() {
        fixture()
                .given(APPROVED_KERN)
                .when(new AcknowledgeAssistanceRequest(PLAN, "r-404", null), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("assistance-request-of-the-plan"));
    }

    @Test
    void theAgencyComments() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new CommentOnAssistanceRequest(PLAN, REQUEST, "About 1,200 cases"), editorOf("KERN"))
                .expectEvents(new AssistanceRequestCommented(
                        PLAN, 2022, "KERN", REQUEST, "someone", "LCSA_EDITOR", "About 1,200 cases", AT));
    }

    @Test
    void theRegionalAdministratorOfThePlansRegionComments() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new CommentOnAssistanceRequest(PLAN, REQUEST, "Seen"), regionalAdminOf("Southern"))
                .expectEvents(new AssistanceRequestCommented(
                        PLAN, 2022, "KERN", REQUEST, "ra@Southern", "REGIONAL_ADMIN", "Seen", AT));
    }

    @Test
    void executiveStaffComment() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new CommentOnAssistanceRequest(PLAN, REQUEST, "On our list"), stateAdmin())
                .expectEvents(new AssistanceRequestCommented(
                        PLAN, 2022, "KERN", REQUEST, "someone", "STATE_ADMIN", "On our list", AT));
    }

    @Test
    void anotherAgencyCannotComment() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new CommentOnAssistanceRequest(PLAN, REQUEST, "Us too"), editorOf("FRESNO"))
                .expectNoEvents()
                .expectException(refused("parties-to-the-plan"));
    }

    @Test
    void aRegionalAdministratorOfAnotherRegionCannotComment() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED)
                .when(new CommentOnAssistanceRequest(PLAN, REQUEST, "Us too"), regionalAdminOf("Northern"))
                .expectNoEvents()
                .expectException(refused("parties-to-the-plan"));
    }

    @Test
    void aResolvedRequestTakesNoComments() {
        fixture()
                .given(APPROVED_KERN)
                .andGiven(RAISED, ACKNOWLEDGED, ESCALATED, RESPONDED, RESOLVED)
                .when(new CommentOnAssistanceRequest(PLAN, REQUEST, "Thanks"), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("resolved-assistance-request-takes-no-comments"));
    }

    @Test
    void aRequestHoldsAtMostAHundredComments() {
        List<Object> history = new ArrayList<>(List.of(APPROVED_KERN));
        history.add(RAISED);
        for (int i = 0; i < AssistanceDecisions.MAX_COMMENTS; i++) {
            history.add(
                    new AssistanceRequestCommented(PLAN, 2022, "KERN", REQUEST, "someone", "LCSA_EDITOR", "+1", AT));
        }
        fixture()
                .given(history)
                .when(new CommentOnAssistanceRequest(PLAN, REQUEST, "+1"), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("assistance-request-holds-at-most-100-comments"));
    }
}

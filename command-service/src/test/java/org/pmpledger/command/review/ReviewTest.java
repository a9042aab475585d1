package org.pmpledger.command.review;

import static org.pmpledger.command.plan.PlanFixtures.ENTRY;
import static org.pmpledger.command.plan.PlanFixtures.PLAN;
import static org.pmpledger.command.plan.PlanFixtures.drafted;
import static org.pmpledger.command.plan.PlanFixtures.editorOf;
import static org.pmpledger.command.plan.PlanFixtures.entry;
import static org.pmpledger.command.plan.PlanFixtures.planFixture;
import static org.pmpledger.command.plan.PlanFixtures.refused;
import static org.pmpledger.command.plan.PlanFixtures.regionalAdminOf;
import static org.pmpledger.command.plan.PlanFixtures.stateAdmin;
import static org.pmpledger.command.plan.PlanFixtures.submitted;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.plan.Plan;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanReturned;

/** Review: only the Regional Administrator of the plan's region, only a SUBMITTED plan, RETURN says why. */
class ReviewTest {

    private static final String NOW = "2021-09-22T17:00:00Z";
    private static final Instant AT = Instant.parse(NOW);
    private static final Object[] SUBMITTED_KERN = {drafted("KERN"), entry("KERN"), submitted("KERN", 1)};

    private static AggregateTestFixture<Plan> fixture() {
        return planFixture(NOW);
    }

    @Test
    void regionalAdminOfThePlansRegionCanApprove() {
        fixture()
                .given(SUBMITTED_KERN)
                .when(new ReviewPlan(PLAN, ReviewDecision.APPROVE, "Thank you"), regionalAdminOf("Southern"))
                .expectEvents(new PlanApproved(PLAN, 2022, "KERN", 1, "ra@Southern", "Southern", "Thank you", AT));
    }

    @Test
    void regionalAdminOfThePlansRegionCanReturnWithComments() {
        fixture()
                .given(SUBMITTED_KERN)
                .when(
                        new ReviewPlan(PLAN, ReviewDecision.RETURN, "Initiative 2 has no tactic"),
                        regionalAdminOf("Southern"))
                .expectEvents(new PlanReturned(
                        PLAN, 2022, "KERN", 1, "ra@Southern", "Southern", "Initiative 2 has no tactic", AT));
    }

    @Test
    void cannotReturnAPlanWithoutComments() {
        fixture()
                .given(SUBMITTED_KERN)
                .when(new ReviewPlan(PLAN, ReviewDecision.RETURN, "  "), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("return-needs-comments", 1));
    }

    @Test
    void regionalAdminOfAnotherRegionCannotReview() {
        fixture()
                .given(SUBMITTED_KERN)
                .when(new ReviewPlan(PLAN, ReviewDecision.APPROVE, null), regionalAdminOf("Northern"))
                .expectNoEvents()
                .expectException(refused("regional-admin-of-the-plans-region"));
    }

    @Test
    void stateAdminAndTheAgencyCannotReview() {
        fixture()
                .given(SUBMITTED_KERN)
                .when(new ReviewPlan(PLAN, ReviewDecision.APPROVE, null), stateAdmin())
                .expectNoEvents()
                .expectException(refused("regional-admin-of-the-plans-region"));
        fixture()
                .given(SUBMITTED_KERN)
                .when(new ReviewPlan(PLAN, ReviewDecision.APPROVE, null), editorOf("KERN"))
                .expectNoEvents()
                .expectException(refused("regional-admin-of-the-plans-region"));
    }

    @Test
    void cannotReviewADraft() {
        fixture()
                .given(drafted("KERN"))
                .when(new ReviewPlan(PLAN, ReviewDecision.APPROVE, null), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("only-submitted-plan-is-reviewed"));
    }

    @Test
    void cannotReviewAnApprovedPlanAgain() {
        fixture()
                .given(SUBMITTED_KERN)
                .andGiven(new PlanApproved(PLAN, 2022, "KERN", 1, "ra", "Southern", null, AT))
                .when(new ReviewPlan(PLAN, ReviewDecision.RETURN, "changed my mind"), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("only-submitted-plan-is-reviewed"));
    }

    @Test
    void regionalAdminCanCommentOnAnEntry() {
        fixture()
                .given(SUBMITTED_KERN)
                .when(new CommentOnPlan(PLAN, ENTRY, "Good baseline"), regionalAdminOf("Southern"))
                .expectEvents(
                        new PlanCommented(PLAN, 2022, "KERN", ENTRY, "ra@Southern", "Southern", "Good baseline", AT));
    }

    @Test
    void cannotCommentOnAnEntryThePlanDoesNotHave() {
        fixture()
                .given(SUBMITTED_KERN)
                .when(new CommentOnPlan(PLAN, "e-404", "Where is it?"), regionalAdminOf("Southern"))
                .expectNoEvents()
                .expectException(refused("comment-names-an-entry-of-the-plan", 1));
    }
}

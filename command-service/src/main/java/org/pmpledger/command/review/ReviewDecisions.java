package org.pmpledger.command.review;

import java.time.Instant;

import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanReturned;
import org.pmpledger.events.plan.PlanStatus;

/**
 * What a review decides: only a SUBMITTED plan is reviewed; a returned plan needs comments saying what to revise; a
 * comment names an entry of the plan, if any. The reviewer is the Regional Administrator of the plan's region.
 */
public final class ReviewDecisions {

    private ReviewDecisions() {}

    /** @param reviewer the Regional Administrator's subject, of {@code region} */
    public static PlanEvent review(PlanState plan, ReviewPlan command, String reviewer, String region, Instant now) {
        if (plan.status() != PlanStatus.SUBMITTED) {
            throw CommandRefused.state(
                    "only-submitted-plan-is-reviewed",
                    "The plan is " + plan.status() + "; only a SUBMITTED plan is reviewed.");
        }
        boolean withComments = command.comments() != null && !command.comments().isBlank();
        if (command.decision() == ReviewDecision.RETURN) {
            if (!withComments) {
                throw CommandRefused.rule(
                        "return-needs-comments",
                        "A returned plan needs comments saying what to revise.",
                        new FieldProblem("comments", "is required when the decision is RETURN"));
            }
            return new PlanReturned(
                    plan.planId(),
                    plan.ffy(),
                    plan.lcsa(),
                    plan.submissions(),
                    reviewer,
                    region,
                    command.comments(),
                    now);
        }
        return new PlanApproved(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                plan.submissions(),
                reviewer,
                region,
                withComments ? command.comments() : null,
                now);
    }

    public static PlanCommented comment(
            PlanState plan, CommentOnPlan command, String reviewer, String region, Instant now) {
        if (command.entryId() != null && !plan.entries().containsKey(command.entryId())) {
            throw CommandRefused.rule(
                    "comment-names-an-entry-of-the-plan",
                    "Entry " + command.entryId() + " is not in this plan.",
                    new FieldProblem("entryId", "is not an entry of this plan"));
        }
        return new PlanCommented(
                plan.planId(), plan.ffy(), plan.lcsa(), command.entryId(), reviewer, region, command.comment(), now);
    }
}

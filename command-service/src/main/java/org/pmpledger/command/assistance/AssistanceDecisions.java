package org.pmpledger.command.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pmpledger.command.assistance.AssistanceRequests.Request;
import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.plan.AssistanceRequestAdvanced;
import org.pmpledger.events.plan.AssistanceRequestCommented;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.AssistanceStatus;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/**
 * What requests for state assistance decide: one is raised on a plan not yet closed, about the plan or what it holds,
 * needed by today or later; it moves RAISED → ACKNOWLEDGED → ESCALATED → RESPONDED → RESOLVED one step at a time, each
 * step after the acknowledgement saying why; a resolved request moves no more and takes no comments. Who may send each
 * command is declared on it ({@code @Authorized}) and decided before.
 */
public final class AssistanceDecisions {

    /** The most requests one plan holds, and comments one request holds. */
    public static final int MAX_REQUESTS = 100;

    public static final int MAX_COMMENTS = 100;

    private AssistanceDecisions() {}

    public static AssistanceRequested raise(
            PlanState plan,
            AssistanceRequests requests,
            RaiseAssistanceRequest command,
            String raisedBy,
            LocalDate today,
            Instant now) {
        if (plan.status() == PlanStatus.CLOSED) {
            throw CommandRefused.state(
                    "assistance-requested-on-an-open-plan",
                    "The plan is CLOSED; state assistance is requested while a plan is carried out.");
        }
        if (requests.byId().size() >= MAX_REQUESTS) {
            throw CommandRefused.state(
                    "plan-holds-at-most-100-assistance-requests",
                    "The plan holds " + MAX_REQUESTS + " requests for state assistance, the most one plan holds.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (command.entryId() != null && !plan.entries().containsKey(command.entryId())) {
            problems.add(new FieldProblem("entryId", "is not an entry of this plan"));
        }
        if (command.tacticId() != null && !plan.tactics().containsKey(command.tacticId())) {
            problems.add(new FieldProblem("tacticId", "is not a tactic of this plan"));
        }
        CommandRefused.refuseIfAny(
                problems, "assistance-names-what-the-plan-holds", "The request names what this plan does not hold");
        if (command.neededBy().isBefore(today)) {
            throw CommandRefused.rule(
                    "assistance-needed-by-today-or-later",
                    "Assistance is asked for by a date still to come.",
                    new FieldProblem("neededBy", "is before today (" + today + ")"));
        }
        return new AssistanceRequested(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.requestId(),
                command.entryId(),
                command.tacticId(),
                command.need(),
                command.from(),
                command.neededBy(),
                raisedBy,
                now);
    }

    /** @param caller the Regional Administrator of the plan's region, or DCSS Executive Staff, as the step declares */
    public static AssistanceRequestAdvanced advance(
            PlanState plan, AssistanceRequests requests, AssistanceStep step, Caller caller, Instant now) {
        Request request = existing(requests, step.requestId());
        AssistanceStatus to = step.to();
        if (request.status() == AssistanceStatus.RESOLVED) {
            throw CommandRefused.state(
                    "assistance-request-resolved-once", "The request is RESOLVED; a resolved request moves no more.");
        }
        if (request.status() != to.previous()) {
            throw CommandRefused.state(
                    "assistance-request-steps-in-order",
                    "The request is " + request.status() + "; it becomes " + to + " only once " + to.previous() + ".");
        }
        if (to != AssistanceStatus.ACKNOWLEDGED
                && (step.note() == null || step.note().isBlank())) {
            throw CommandRefused.rule(
                    "assistance-step-says-why",
                    "Escalating, responding to and resolving a request each say what and why.",
                    new FieldProblem("note", "is required when the request becomes " + to));
        }
        boolean regional = to == AssistanceStatus.ACKNOWLEDGED || to == AssistanceStatus.ESCALATED;
        return new AssistanceRequestAdvanced(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                step.requestId(),
                to,
                caller.subject(),
                regional ? caller.region() : null,
                step.note(),
                now);
    }

    /** @param caller the plan's agency, the Regional Administrator of its region or DCSS Executive Staff */
    public static AssistanceRequestCommented comment(
            PlanState plan,
            AssistanceRequests requests,
            CommentOnAssistanceRequest command,
            Caller caller,
            Instant now) {
        Request request = existing(requests, command.requestId());
        if (request.status() == AssistanceStatus.RESOLVED) {
            throw CommandRefused.state(
                    "resolved-assistance-request-takes-no-comments",
                    "The request is RESOLVED; it takes no more comments.");
        }
        if (request.comments() >= MAX_COMMENTS) {
            throw CommandRefused.state(
                    "assistance-request-holds-at-most-100-comments",
                    "The request holds " + MAX_COMMENTS + " comments, the most one request holds.");
        }
        return new AssistanceRequestCommented(
                plan.planId(),
                plan.ffy(),
                plan.lcsa(),
                command.requestId(),
                caller.subject(),
                roleOf(caller, plan.lcsa()),
                command.comment(),
                now);
    }

    private static Request existing(AssistanceRequests requests, String requestId) {
        Request request = requests.byId().get(requestId);
        if (request == null) {
            throw CommandRefused.notFound(
                    "assistance-request-of-the-plan",
                    "Request " + requestId + " is not one of this plan's requests for state assistance.");
        }
        return request;
    }

    /** The role a party comments as: its agency's, its region's, or DCSS Executive Staff's. */
    private static String roleOf(Caller caller, String lcsa) {
        if (caller.actsFor(lcsa)) {
            return caller.has(Role.LCSA_EDITOR) ? Role.LCSA_EDITOR.name() : Role.SERVICE.name();
        }
        return caller.has(Role.REGIONAL_ADMIN) ? Role.REGIONAL_ADMIN.name() : Role.STATE_ADMIN.name();
    }
}

package org.pmpledger.command.assistance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pmpledger.events.plan.AssistanceRequestAdvanced;
import org.pmpledger.events.plan.AssistanceRequestCommented;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.AssistanceStatus;
import org.pmpledger.events.plan.PlanEvent;

/**
 * What a plan remembers of its requests for state assistance to decide the next command on them, folded by
 * {@link #evolve}. A value: every event gives a new one.
 */
public record AssistanceRequests(Map<String, Request> byId) {

    /** Before the plan's first request. */
    public static final AssistanceRequests NONE = new AssistanceRequests(Map.of());

    /** One request: where it stands and how many comments it holds. */
    public record Request(AssistanceStatus status, int comments) {}

    public AssistanceRequests {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public AssistanceRequests evolve(PlanEvent event) {
        return switch (event) {
            case AssistanceRequested raised -> with(raised.requestId(), new Request(AssistanceStatus.RAISED, 0));
            case AssistanceRequestAdvanced advanced -> {
                Request request = byId.get(advanced.requestId());
                yield with(advanced.requestId(), new Request(advanced.status(), request.comments()));
            }
            case AssistanceRequestCommented commented -> {
                Request request = byId.get(commented.requestId());
                yield with(commented.requestId(), new Request(request.status(), request.comments() + 1));
            }
            default -> this;
        };
    }

    private AssistanceRequests with(String requestId, Request request) {
        Map<String, Request> next = new LinkedHashMap<>(byId);
        next.put(requestId, request);
        return new AssistanceRequests(next);
    }
}

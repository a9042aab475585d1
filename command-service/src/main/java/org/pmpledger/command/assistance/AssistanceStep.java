package org.pmpledger.command.assistance;

import org.pmpledger.events.plan.AssistanceStatus;

/** A command that moves a request for state assistance one step; the step is its class's. */
public sealed interface AssistanceStep
        permits AcknowledgeAssistanceRequest,
                EscalateAssistanceRequest,
                RespondToAssistanceRequest,
                ResolveAssistanceRequest {

    String planId();

    String requestId();

    /** What the step says: optional for an acknowledgement, required for every other step. */
    String note();

    /** The status the request moves to. */
    default AssistanceStatus to() {
        return switch (this) {
            case AcknowledgeAssistanceRequest a -> AssistanceStatus.ACKNOWLEDGED;
            case EscalateAssistanceRequest e -> AssistanceStatus.ESCALATED;
            case RespondToAssistanceRequest r -> AssistanceStatus.RESPONDED;
            case ResolveAssistanceRequest r -> AssistanceStatus.RESOLVED;
        };
    }
}

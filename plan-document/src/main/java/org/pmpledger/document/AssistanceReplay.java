package org.pmpledger.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pmpledger.events.plan.AssistanceRequestAdvanced;
import org.pmpledger.events.plan.AssistanceRequestCommented;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.AssistanceStatus;

/** A plan's requests for state assistance as its events so far make them, in the order they were raised. */
final class AssistanceReplay {

    private final Map<String, Request> requests = new LinkedHashMap<>();

    void apply(AssistanceRequested raised) {
        requests.put(raised.requestId(), new Request(raised));
    }

    void apply(AssistanceRequestAdvanced advanced) {
        Request request = requests.get(advanced.requestId());
        request.status = advanced.status().name();
        request.notes.add(new PlanDocument.AssistanceNote(
                advanced.status().name(),
                advanced.by(),
                null,
                advanced.region(),
                advanced.note(),
                advanced.advancedAt()));
    }

    void apply(AssistanceRequestCommented commented) {
        requests.get(commented.requestId())
                .notes
                .add(new PlanDocument.AssistanceNote(
                        PlanDocument.AssistanceNote.COMMENT,
                        commented.author(),
                        commented.role(),
                        null,
                        commented.comment(),
                        commented.commentedAt()));
    }

    List<PlanDocument.AssistanceRequest> documents() {
        return requests.values().stream().map(Request::document).toList();
    }

    private static final class Request {
        private final AssistanceRequested raised;
        private String status = AssistanceStatus.RAISED.name();
        private final List<PlanDocument.AssistanceNote> notes = new ArrayList<>();

        Request(AssistanceRequested raised) {
            this.raised = raised;
        }

        PlanDocument.AssistanceRequest document() {
            return new PlanDocument.AssistanceRequest(
                    raised.requestId(),
                    raised.entryId(),
                    raised.tacticId(),
                    raised.need(),
                    raised.from(),
                    raised.neededBy(),
                    status,
                    raised.raisedBy(),
                    raised.requestedAt(),
                    List.copyOf(notes));
        }
    }
}

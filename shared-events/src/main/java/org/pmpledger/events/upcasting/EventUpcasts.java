package org.pmpledger.events.upcasting;

import java.util.List;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;

/**
 * Turns the JSON of an older revision of an event into the JSON of its current revision, one step
 * per revision, so stored events (command side) and records already on Kafka (query side) of any
 * revision read as today's records. A released revision's meaning never changes: each step only adds
 * what the newer revision says, derived from the older JSON.
 */
public final class EventUpcasts {

    /** One revision step: the event type, the revision it reads, and the transformation to the next. */
    public record Step(Class<?> eventType, int fromRevision, UnaryOperator<ObjectNode> upcast) {}

    private static final List<Step> STEPS = List.of(
            new Step(PlanningCycleOpened.class, 1, EventUpcasts::thresholdIndicatorOfPlanningCycleOpened),
            new Step(PlanningCycleOpened.class, 2, EventUpcasts::minimumOfPlanningCycleOpened));

    private EventUpcasts() {}

    public static List<Step> steps() {
        return STEPS;
    }

    /** The payload brought from {@code revision} to the current revision of {@code eventType}. */
    public static ObjectNode toCurrent(Class<?> eventType, int revision, ObjectNode payload) {
        int current = PmpEventTypes.revisionOf(eventType);
        if (revision > current) {
            throw new IllegalArgumentException(eventType.getSimpleName() + " revision " + revision
                    + " is newer than this build knows (" + current + ")");
        }
        ObjectNode node = payload;
        for (int r = revision; r < current; r++) {
            int from = r;
            Step step = STEPS.stream()
                    .filter(s -> s.eventType() == eventType && s.fromRevision() == from)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no upcast of " + eventType.getSimpleName() + " from revision " + from));
            node = step.upcast().apply(node);
        }
        return node;
    }

    /** Reads an event's JSON stored or published at {@code revision} as today's record of {@code eventType}. */
    public static <T> T read(JsonMapper json, Class<T> eventType, int revision, byte[] payload) {
        if (revision == PmpEventTypes.revisionOf(eventType)) {
            return json.readValue(payload, eventType);
        }
        return json.treeToValue(toCurrent(eventType, revision, (ObjectNode) json.readTree(payload)), eventType);
    }

    /**
     * PlanningCycleOpened 2 → 3: indicators gain {@code minimum}. Revision 2 named no minimum, so none has one.
     */
    static ObjectNode minimumOfPlanningCycleOpened(ObjectNode v2) {
        for (JsonNode indicator : v2.path("indicators")) {
            ((ObjectNode) indicator).putNull("minimum");
        }
        return v2;
    }

    /**
     * PlanningCycleOpened 1 → 2: key initiatives gain {@code thresholdIndicator}. Revision 1 meant "below the
     * paternity-establishment threshold"; the indicator that measures it is the cycle's indicator whose title
     * names paternity, if any (else null: no recorded value can make the initiative required).
     */
    static ObjectNode thresholdIndicatorOfPlanningCycleOpened(ObjectNode v1) {
        String paternityIndicator = null;
        for (JsonNode indicator : v1.path("indicators")) {
            if (PracticeIndicator.isPaternityTitle(indicator.path("title").asString(""))) {
                paternityIndicator = indicator.path("code").asString(null);
                break;
            }
        }
        for (JsonNode initiative : v1.path("keyInitiatives")) {
            ObjectNode node = (ObjectNode) initiative;
            boolean belowThreshold =
                    "BELOW_PATERNITY_THRESHOLD".equals(node.path("required").asString(""));
            JsonNode subInitiatives = node.remove("subInitiatives");
            if (belowThreshold && paternityIndicator != null) {
                node.put("thresholdIndicator", paternityIndicator);
            } else {
                node.putNull("thresholdIndicator");
            }
            node.set("subInitiatives", subInitiatives == null ? node.arrayNode() : subInitiatives);
        }
        return v1;
    }
}

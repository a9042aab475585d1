package org.pmpledger.command.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pmpledger.document.PlanDiff;

/**
 * The JSON answers of the audit endpoints, named so their OpenAPI schemas are. An event of the history is the map
 * {@link PlanHistory} makes (its keys are documented on the endpoints).
 */
final class AuditAnswers {

    private AuditAnswers() {}

    /** One page of a plan's history. */
    record PlanEventPage(String planId, long total, int page, int size, List<Map<String, Object>> events) {}

    /** A point of a plan's history: its version, its last event's position and recording instant. */
    record HistoryPoint(long version, long position, Instant recordedAt) {}

    /** What changed in a plan between two points. */
    record PlanChanges(String planId, HistoryPoint from, HistoryPoint to, List<PlanDiff.Change> changes) {}

    /** A chain checkpoint: the event store's hash chain through a global position. */
    record Checkpoint(long checkpointId, long throughGlobalIndex, long streams, String headHash, Instant recordedAt) {}

    /** The latest checkpoints, newest first. */
    record Checkpoints(List<Checkpoint> checkpoints) {}

    /** The log, filtered: at most {@code limit} events. */
    record LedgerEvents(List<Map<String, Object>> events, int limit) {}

    /** The latest reads of the audit log, newest first. */
    record AuditReadList(List<Map<String, Object>> reads) {}
}

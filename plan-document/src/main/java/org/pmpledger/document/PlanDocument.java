package org.pmpledger.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan in the shape of the letters' templates: per entry the goal, objective, strategy or key
 * initiative, the performance measurement with its quarterly updates, and the tactics; with the
 * plan's status, review history, requests for state assistance and version.
 */
public record PlanDocument(
        String planId,
        int ffy,
        String lcsa,
        String title,
        String status,
        Instant draftedAt,
        Instant submittedAt,
        int submissions,
        LocalDate dueDate,
        Boolean late,
        Integer daysLate,
        Instant approvedAt,
        Instant closedAt,
        int amendments,
        Instant lastAmendedAt,
        List<Entry> entries,
        List<Review> reviews,
        List<AssistanceRequest> assistanceRequests,
        long version,
        long position) {

    public record Entry(
            String entryId,
            Titled goal,
            Titled objective,
            String objectiveText,
            String strategy,
            Titled initiative,
            Measurement measurement,
            List<QuarterlyUpdate> quarterlyUpdates,
            List<Tactic> tactics,
            boolean amendment,
            Instant addedAt) {}

    /** A numbered or coded item of the cycle with its title (null title: not in the cycle as known). */
    public record Titled(String code, String title) {}

    public record Measurement(String indicator, String title, String unit, BigDecimal baseline, BigDecimal target) {}

    /** @param corrections how often the quarter was recorded again after the first time */
    public record QuarterlyUpdate(
            String quarter,
            BigDecimal value,
            String narrative,
            LocalDate dueDate,
            Instant firstRecordedAt,
            boolean late,
            int daysLate,
            Instant recordedAt,
            int corrections,
            String lastReason,
            boolean afterClose) {}

    public record Tactic(
            String tacticId,
            String title,
            List<String> leads,
            String description,
            String status,
            LocalDate projectedCompletion,
            LocalDate actualCompletion,
            String initiative,
            boolean withdrawn,
            String withdrawalReason,
            boolean amendment,
            Instant changedAt) {}

    /** @param kind APPROVED, RETURNED or COMMENT */
    public record Review(String kind, String author, String region, String entryId, String comment, Instant at) {}

    /**
     * A request for state assistance on the plan, with its steps and comments in order.
     *
     * @param status RAISED, ACKNOWLEDGED, ESCALATED, RESPONDED or RESOLVED
     */
    public record AssistanceRequest(
            String requestId,
            String entryId,
            String tacticId,
            String need,
            String from,
            LocalDate neededBy,
            String status,
            String raisedBy,
            Instant requestedAt,
            List<AssistanceNote> notes) {}

    /**
     * @param kind   the step it records (ACKNOWLEDGED, ESCALATED, RESPONDED, RESOLVED) or COMMENT
     * @param role   a comment's author's role
     * @param region the Regional Administrator's region, for the steps they take
     */
    public record AssistanceNote(String kind, String by, String role, String region, String text, Instant at) {

        /** The kind of a note that is a comment, not a step. */
        public static final String COMMENT = "COMMENT";
    }
}

package org.pmpledger.query.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/**
 * Requests for state assistance, filtered, oldest first; per region how many are open and how old the oldest is. As a
 * file, one line per request.
 */
record AssistanceAnswer(LocalDate asOf, Reflects reflects, Map<String, RegionSummary> byRegion, List<Request> requests)
        implements Table {

    /**
     * @param open        requests not RESOLVED
     * @param overdue     open requests past the date they were needed by
     * @param oldestDays  the age in days of the oldest open request; null without one
     */
    record RegionSummary(int open, int overdue, Map<String, Integer> byStatus, Integer oldestDays) {}

    /**
     * @param ageDays  days since it was raised (California dates)
     * @param overdue  not RESOLVED and needed by a date before today
     */
    record Request(
            String lcsa,
            String region,
            String planId,
            int ffy,
            String requestId,
            String entryId,
            String tacticId,
            String need,
            String from,
            LocalDate neededBy,
            String status,
            String raisedBy,
            Instant requestedAt,
            Instant updatedAt,
            int ageDays,
            boolean overdue) {}

    @Override
    public List<String> csvColumns() {
        return List.of(
                AGENCY_COLUMN,
                "plan_id",
                "ffy",
                "request_id",
                "entry_id",
                "tactic_id",
                "need",
                "from",
                "needed_by",
                "status",
                "raised_by",
                "requested_at",
                "updated_at",
                "age_days",
                "overdue");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Request r : requests) {
            rows.add(new ArrayList<>(List.of(r.lcsa(), r.planId(), r.ffy(), r.requestId())));
            List<Object> row = rows.getLast();
            row.add(r.entryId());
            row.add(r.tacticId());
            row.add(r.need());
            row.add(r.from());
            row.add(r.neededBy());
            row.add(r.status());
            row.add(r.raisedBy());
            row.add(r.requestedAt());
            row.add(r.updatedAt());
            row.add(r.ageDays());
            row.add(r.overdue());
        }
        return rows;
    }

    @Override
    public String fileName() {
        return "pmp-assistance-requests";
    }
}

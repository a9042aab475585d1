package org.pmpledger.query.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/** Plans matching a filter; as CSV one line per plan. */
record PlanList(Reflects reflects, List<PlanSummary> items) implements Table {

    @Override
    public List<String> csvColumns() {
        return List.of(
                "plan_id",
                "ffy",
                "lcsa",
                "title",
                "status",
                "drafted_at",
                "submitted_at",
                "submissions",
                "due_date",
                "late",
                "days_late",
                "amendments",
                "version");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (PlanSummary p : items) {
            rows.add(Arrays.asList(
                    p.planId(),
                    p.ffy(),
                    p.lcsa(),
                    p.title(),
                    p.status(),
                    p.draftedAt(),
                    p.submittedAt(),
                    p.submissions(),
                    p.dueDate(),
                    p.late(),
                    p.daysLate(),
                    p.amendments(),
                    p.version()));
        }
        return rows;
    }

    @Override
    public String fileName() {
        return "pmp-plans";
    }
}

package org.pmpledger.query.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/**
 * Plans matching a filter; as a file one line per plan, named after the filter.
 *
 * @param fileName the file's name without its extension ({@link #fileNameOf})
 */
record PlanList(
        Reflects reflects,
        List<PlanSummary> items,
        @JsonIgnore String fileName) implements Table {

    /** {@code pmp-plans}, then the filter's FFY, agency and status where given: {@code pmp-plans-ffy2022-napa}. */
    static String fileNameOf(Integer ffy, String lcsa, String status) {
        StringBuilder name = new StringBuilder("pmp-plans");
        if (ffy != null) {
            name.append("-ffy").append(ffy);
        }
        for (String part : new String[] {lcsa, status}) {
            if (part != null) {
                name.append('-').append(part.toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        return name.toString();
    }

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
}

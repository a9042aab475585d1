package org.pmpledger.query.tactic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/** Tactics across the cycle's plans, filtered; as CSV one line per tactic. */
record TacticAnswer(
        int ffy, LocalDate asOf, Reflects reflects, Map<String, Integer> byStatus, int overdue, List<Tactic> tactics)
        implements Table {

    /**
     * @param status      NOT_STARTED, IN_PROGRESS, ON_HOLD, COMPLETED, or WITHDRAWN
     * @param overdue     projected completion before today and neither completed nor withdrawn
     */
    record Tactic(
            String lcsa,
            String planId,
            String tacticId,
            String entryId,
            String title,
            List<String> leads,
            String status,
            LocalDate projectedCompletion,
            LocalDate actualCompletion,
            String initiative,
            boolean overdue,
            Integer daysOverdue,
            boolean amendment,
            Instant changedAt) {}

    @Override
    public List<String> csvColumns() {
        return List.of(
                "lcsa",
                "plan_id",
                "tactic_id",
                "entry_id",
                "title",
                "leads",
                "status",
                "projected_completion",
                "actual_completion",
                "initiative",
                "overdue",
                "days_overdue",
                "amendment",
                "changed_at");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Tactic t : tactics) {
            rows.add(Arrays.asList(
                    t.lcsa(),
                    t.planId(),
                    t.tacticId(),
                    t.entryId(),
                    t.title(),
                    String.join("; ", t.leads()),
                    t.status(),
                    t.projectedCompletion(),
                    t.actualCompletion(),
                    t.initiative(),
                    t.overdue(),
                    t.daysOverdue(),
                    t.amendment(),
                    t.changedAt()));
        }
        return rows;
    }

    @Override
    public SequencedMap<String, Object> sharedColumns() {
        return Table.ffyColumn(ffy);
    }

    @Override
    public String fileName() {
        return "pmp-ffy" + ffy + "-tactics";
    }
}

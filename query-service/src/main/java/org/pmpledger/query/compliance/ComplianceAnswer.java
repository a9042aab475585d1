package org.pmpledger.query.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/** Due-date compliance of one cycle, as of a date; as CSV one line per due item. */
record ComplianceAnswer(int ffy, LocalDate asOf, Reflects reflects, Map<String, Rate> statewide, List<Agency> agencies)
        implements Table {

    /** @param onTimeRate onTime / due, where due counts ON_TIME, LATE and MISSING items */
    record Rate(int due, int onTime, int late, int missing, int notYetDue, BigDecimal onTimeRate) {}

    record Agency(String lcsa, String planId, String status, Item plan, Item finalResults, List<Item> quarterly) {}

    /** @param recordedAt the first submission or recording */
    record Item(
            String item,
            String entryId,
            String measurement,
            LocalDate dueDate,
            Instant recordedAt,
            Timeliness.State state,
            Integer daysLate,
            Integer corrections) {}

    @Override
    public List<String> csvColumns() {
        return List.of(
                "lcsa",
                "plan_id",
                "item",
                "entry_id",
                "measurement",
                "due_date",
                "recorded_at",
                "state",
                "days_late",
                "corrections");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Agency agency : agencies) {
            List<Item> items = new ArrayList<>();
            items.add(agency.plan());
            items.addAll(agency.quarterly());
            if (agency.finalResults() != null) {
                items.add(agency.finalResults());
            }
            for (Item i : items) {
                rows.add(Arrays.asList(
                        agency.lcsa(),
                        agency.planId(),
                        i.item(),
                        i.entryId(),
                        i.measurement(),
                        i.dueDate(),
                        i.recordedAt(),
                        i.state(),
                        i.daysLate(),
                        i.corrections()));
            }
        }
        return rows;
    }

    @Override
    public SequencedMap<String, Object> sharedColumns() {
        return Table.ffyColumn(ffy);
    }

    @Override
    public String fileName() {
        return "pmp-ffy" + ffy + "-due-date-compliance";
    }
}

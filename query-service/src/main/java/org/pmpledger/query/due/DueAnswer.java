package org.pmpledger.query.due;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/**
 * What is due in the next {@code days} days and what is overdue, by date; as a file one line per item, as a calendar
 * one all-day event per item.
 *
 * @param overdue how many of the items are overdue
 */
record DueAnswer(
        LocalDate asOf,
        int days,
        Reflects reflects,
        int overdue,
        List<DueItem> items,
        @JsonIgnore String fileName) implements Table {

    @Override
    public List<String> csvColumns() {
        return List.of(
                AGENCY_COLUMN,
                "kind",
                "due_date",
                "overdue",
                "days_overdue",
                "title",
                "ffy",
                "plan_id",
                "entry_id",
                "quarter",
                "tactic_id",
                "uid");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (DueItem item : items) {
            List<Object> row = new ArrayList<>(List.of(item.lcsa(), item.kind().name(), item.dueDate()));
            row.add(item.overdue());
            row.add(item.daysOverdue());
            row.add(item.title());
            row.add(item.ffy());
            row.add(item.planId());
            row.add(item.entryId());
            row.add(item.quarter());
            row.add(item.tacticId());
            row.add(item.uid());
            rows.add(row);
        }
        return rows;
    }

    /** The name a file is saved as, e.g. {@code pmp-due-kern} or {@code pmp-due-southern}. */
    static String fileNameOf(String lcsa, String region) {
        StringBuilder name = new StringBuilder("pmp-due");
        if (lcsa != null) {
            name.append('-').append(lcsa.toLowerCase(Locale.ROOT));
        }
        if (region != null) {
            name.append('-').append(region.toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}

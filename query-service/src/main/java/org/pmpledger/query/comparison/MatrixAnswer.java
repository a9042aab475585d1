package org.pmpledger.query.comparison;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.pmpledger.query.comparison.IndicatorComparison.Status;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/**
 * Every agency against every Practice Indicator of a cycle: one row per agency, per indicator its latest value, status
 * and rank as the indicator's comparison computes them; as a file, three columns per indicator.
 */
record MatrixAnswer(
        int ffy,
        Reflects reflects,
        List<ComparisonAnswer.Indicator> indicators,
        List<AgencyCells> agencies,
        Map<String, String> definitions)
        implements Table {

    /** One agency's row: its cell per indicator code, in the order of {@code indicators}. */
    record AgencyCells(String lcsa, SequencedMap<String, Cell> cells) {}

    /** What the agency's comparison row says of one indicator. */
    record Cell(String planId, BigDecimal latest, String latestQuarter, Status status, Integer rank) {}

    static final Map<String, String> DEFINITIONS = Map.of(
            "cells", "per indicator code, the agency's row of that indicator's comparison (same rules)",
            "latest", ComparisonAnswer.DEFINITIONS.get("latest"),
            "status", ComparisonAnswer.DEFINITIONS.get("status"),
            "rank", ComparisonAnswer.DEFINITIONS.get("rank"));

    @Override
    public List<String> csvColumns() {
        List<String> columns = new ArrayList<>(List.of(AGENCY_COLUMN));
        for (ComparisonAnswer.Indicator indicator : indicators) {
            columns.add(indicator.code() + "_latest");
            columns.add(indicator.code() + "_status");
            columns.add(indicator.code() + "_rank");
        }
        return columns;
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (AgencyCells agency : agencies) {
            List<Object> row = new ArrayList<>();
            row.add(agency.lcsa());
            for (ComparisonAnswer.Indicator indicator : indicators) {
                Cell cell = agency.cells().get(indicator.code());
                row.add(cell == null ? null : cell.latest());
                row.add(cell == null ? null : cell.status());
                row.add(cell == null ? null : cell.rank());
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public SequencedMap<String, Object> sharedColumns() {
        return Table.ffyColumn(ffy);
    }

    @Override
    public String fileName() {
        return "pmp-ffy" + ffy + "-matrix";
    }
}

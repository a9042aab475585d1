package org.pmpledger.query.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An answer that is a table: as JSON it is the answer itself; as a file ({@code ?format=csv} or {@code ?format=xlsx},
 * or the media type in {@code Accept}) it is these columns and rows, a header line first, named {@link #fileName}, with
 * the columns every row shares and the region of the row's agency appended.
 */
public interface Table {

    /** The media type of a table as an Excel workbook ({@code ?format=xlsx}). */
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @JsonIgnore
    List<String> csvColumns();

    @JsonIgnore
    List<List<Object>> csvRows();

    /**
     * Columns every row shares (the FFY, the indicator), written after the table's own in a file, so a file stands alone
     * once it travels; none by default.
     */
    @JsonIgnore
    default SequencedMap<String, Object> sharedColumns() {
        return new LinkedHashMap<>();
    }

    /** The shared column of a cycle's table: its FFY. */
    static SequencedMap<String, Object> ffyColumn(int ffy) {
        SequencedMap<String, Object> shared = new LinkedHashMap<>();
        shared.put("ffy", ffy);
        return shared;
    }

    /** The column of a table's rows that names the agency; its region follows it into a file. */
    String AGENCY_COLUMN = "lcsa";

    /** The header of the file: the table's columns, the shared ones, then the agency's region when rows name one. */
    static List<String> columnsOf(Table table) {
        List<String> columns = new ArrayList<>(table.csvColumns());
        columns.addAll(table.sharedColumns().sequencedKeySet());
        if (table.csvColumns().contains(AGENCY_COLUMN)) {
            columns.add("region");
        }
        return columns;
    }

    /**
     * The rows of the file: each of the table's rows, the shared values, then the region of the row's agency.
     *
     * @param regionOf the region of an agency's code (null when unknown)
     */
    static List<List<Object>> rowsOf(Table table, Function<String, String> regionOf) {
        List<Object> shared = new ArrayList<>(table.sharedColumns().sequencedValues());
        int agency = table.csvColumns().indexOf(AGENCY_COLUMN);
        return table.csvRows().stream()
                .map(row -> {
                    List<Object> line = new ArrayList<>(row);
                    line.addAll(shared);
                    if (agency >= 0) {
                        line.add(row.get(agency) instanceof String code ? regionOf.apply(code) : null);
                    }
                    return line;
                })
                .toList();
    }

    /** The file's name without its extension, e.g. {@code pmp-ffy2022-SPM-2-comparison}: what a download is saved as. */
    @JsonIgnore
    String fileName();
}

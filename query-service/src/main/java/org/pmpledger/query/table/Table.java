package org.pmpledger.query.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An answer that is a table: as JSON it is the answer itself; as a file ({@code ?format=csv} or {@code ?format=xlsx},
 * or the media type in {@code Accept}) it is these columns and rows, a header line first, named {@link #fileName}.
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

    /** The header of the file: the table's columns, then the shared ones. */
    static List<String> columnsOf(Table table) {
        List<String> columns = new ArrayList<>(table.csvColumns());
        columns.addAll(table.sharedColumns().sequencedKeySet());
        return columns;
    }

    /** The rows of the file: each of the table's rows, then the shared values. */
    static List<List<Object>> rowsOf(Table table) {
        List<Object> shared = new ArrayList<>(table.sharedColumns().sequencedValues());
        return table.csvRows().stream()
                .map(row -> {
                    List<Object> line = new ArrayList<>(row);
                    line.addAll(shared);
                    return line;
                })
                .toList();
    }

    /** The file's name without its extension, e.g. {@code pmp-ffy2022-SPM-2-comparison}: what a download is saved as. */
    @JsonIgnore
    String fileName();
}

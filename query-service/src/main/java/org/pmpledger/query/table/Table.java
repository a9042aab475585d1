package org.pmpledger.query.table;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An answer that is a table: as JSON it is the answer itself; with {@code Accept: text/csv} it is
 * these columns and rows (RFC 4180, a header line first).
 */
public interface Table {

    @JsonIgnore
    List<String> csvColumns();

    @JsonIgnore
    List<List<Object>> csvRows();
}

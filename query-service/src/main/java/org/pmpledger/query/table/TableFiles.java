package org.pmpledger.query.table;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

import org.pmpledger.query.agency.Agencies;
import org.pmpledger.query.files.AnswerFiles;

/**
 * A file format for {@link Table} answers: an attachment named after the table with the format's extension. A format
 * names the attachment ({@link #attach}) just before it writes the body, once nothing can fail but the writing.
 */
abstract class TableFiles extends AnswerFiles<Table> {

    private final String extension;
    private final Agencies agencies;

    TableFiles(MediaType mediaType, String extension, Agencies agencies) {
        super(Table.class, mediaType);
        this.extension = extension;
        this.agencies = agencies;
    }

    /** Writes the table's {@link #columns} and {@link #rows} to the body, after {@link #attach}. */
    abstract void writeFile(Table table, HttpOutputMessage output) throws IOException;

    /** The file's header: {@link Table#columnsOf}. */
    final List<String> columns(Table table) {
        return Table.columnsOf(table);
    }

    /** The file's rows: {@link Table#rowsOf}, regions from the reference data. */
    final List<List<Object>> rows(Table table) {
        return Table.rowsOf(table, agencies::regionOf);
    }

    /** Names the answer an attachment: {@code attachment; filename="<table's name>.<extension>"}. */
    final void attach(Table table, HttpOutputMessage output) {
        name(output, true, table.fileName() + "." + extension);
    }

    @Override
    protected final void writeInternal(Table table, HttpOutputMessage output) throws IOException {
        writeFile(table, output);
    }
}

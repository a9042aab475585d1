package org.pmpledger.query.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import org.pmpledger.query.agency.Agencies;

/**
 * A file format for {@link Table} answers: written only (a table is never read from a request), as an attachment
 * named after the table with the format's extension. A format names the attachment ({@link #attach}) just before it
 * writes the body, once nothing can fail but the writing: a refusal before that is answered as a problem, not as a
 * file.
 */
abstract class TableFiles extends AbstractHttpMessageConverter<Table> {

    private final String extension;
    private final Agencies agencies;

    TableFiles(MediaType mediaType, String extension, Agencies agencies) {
        super(mediaType);
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
        output.getHeaders()
                .setContentDisposition(ContentDisposition.attachment()
                        .filename(table.fileName() + "." + extension, StandardCharsets.UTF_8)
                        .build());
    }

    @Override
    protected final boolean supports(Class<?> type) {
        return Table.class.isAssignableFrom(type);
    }

    @Override
    protected final boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected final Table readInternal(Class<? extends Table> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("A table file is an answer format only", input);
    }

    @Override
    protected final void writeInternal(Table table, HttpOutputMessage output) throws IOException {
        writeFile(table, output);
    }
}

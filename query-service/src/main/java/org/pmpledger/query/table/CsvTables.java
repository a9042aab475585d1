package org.pmpledger.query.table;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes every {@link Table} answer as RFC 4180 CSV (Apache Commons CSV) for {@code Accept: text/csv}. A text cell
 * that a spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or a carriage return) is written
 * with a leading apostrophe, so opening the file never runs what an agency typed into a title.
 */
@Configuration(proxyBeanMethods = false)
class CsvTables {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @Bean
    AbstractHttpMessageConverter<Table> csvConverter() {
        return new AbstractHttpMessageConverter<>(TEXT_CSV) {
            @Override
            protected boolean supports(Class<?> type) {
                return Table.class.isAssignableFrom(type);
            }

            @Override
            protected boolean canRead(MediaType mediaType) {
                return false;
            }

            @Override
            protected Table readInternal(Class<? extends Table> type, HttpInputMessage input) {
                throw new HttpMessageNotReadableException("CSV is an answer format only", input);
            }

            @Override
            protected void writeInternal(Table table, HttpOutputMessage output) throws IOException {
                Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
                CSVFormat format = CSVFormat.RFC4180
                        .builder()
                        .setHeader(table.csvColumns().toArray(String[]::new))
                        .get();
                try (CSVPrinter csv = new CSVPrinter(writer, format)) {
                    for (List<Object> row : table.csvRows()) {
                        csv.printRecord(row.stream().map(CsvTables::inert).toList());
                    }
                }
            }
        };
    }

    /** The cell as written: text that would start a formula gets a leading apostrophe; everything else as it is. */
    static Object inert(Object cell) {
        if (cell instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }
}

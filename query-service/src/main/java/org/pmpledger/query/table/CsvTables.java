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
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

import org.pmpledger.query.agency.Agencies;

/**
 * Writes every {@link Table} answer as RFC 4180 CSV (Apache Commons CSV) for {@code ?format=csv} or
 * {@code Accept: text/csv}. A text cell that a spreadsheet would take for a formula (it starts with {@code = + - @}, a
 * tab or a carriage return) is written with a leading apostrophe, so opening the file never runs what an agency typed
 * into a title.
 */
@Configuration(proxyBeanMethods = false)
class CsvTables {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @Bean
    TableFiles csvConverter(Agencies agencies) {
        return new TableFiles(TEXT_CSV, "csv", agencies) {
            @Override
            void writeFile(Table table, HttpOutputMessage output) throws IOException {
                attach(table, output);
                Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
                CSVFormat format = CSVFormat.RFC4180
                        .builder()
                        .setHeader(columns(table).toArray(String[]::new))
                        .get();
                try (CSVPrinter csv = new CSVPrinter(writer, format)) {
                    for (List<Object> row : rows(table)) {
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

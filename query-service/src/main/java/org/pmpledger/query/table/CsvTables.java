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

/** Writes every {@link Table} answer as RFC 4180 CSV (Apache Commons CSV) for {@code Accept: text/csv}. */
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
                CSVFormat format = CSVFormat.RFC4180.builder().setHeader(table.csvColumns().toArray(String[]::new)).get();
                try (CSVPrinter csv = new CSVPrinter(writer, format)) {
                    for (List<Object> row : table.csvRows()) {
                        csv.printRecord(row);
                    }
                }
            }
        };
    }
}

package org.pmpledger.query.table;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

import org.pmpledger.query.agency.Agencies;

/**
 * Writes every {@link Table} answer as an Excel workbook (Apache POI's streaming workbook) for {@code ?format=xlsx}: one
 * sheet, the header row bold and frozen, numbers as numbers, booleans as booleans, dates and instants as Excel dates
 * (instants in UTC), everything else as text. A text cell is never a formula, whatever it starts with.
 */
@Configuration(proxyBeanMethods = false)
class XlsxTables {

    static final MediaType XLSX = MediaType.parseMediaType(Table.XLSX);
    /** Rows kept in memory while streaming; the rest go to a temporary file until written. */
    private static final int WINDOW = 200;

    @Bean
    TableFiles xlsxConverter(Agencies agencies) {
        return new TableFiles(XLSX, "xlsx", agencies) {
            @Override
            void writeFile(Table table, HttpOutputMessage output) throws IOException {
                try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
                    Styles styles = new Styles(workbook);
                    Sheet sheet = workbook.createSheet("PMP Ledger");
                    Row header = sheet.createRow(0);
                    List<String> columns = columns(table);
                    for (int c = 0; c < columns.size(); c++) {
                        Cell cell = header.createCell(c);
                        cell.setCellValue(columns.get(c));
                        cell.setCellStyle(styles.bold);
                    }
                    sheet.createFreezePane(0, 1);
                    int r = 1;
                    for (List<Object> row : rows(table)) {
                        Row line = sheet.createRow(r++);
                        for (int c = 0; c < row.size(); c++) {
                            cell(line.createCell(c), row.get(c), styles);
                        }
                    }
                    attach(table, output);
                    workbook.write(output.getBody()); // closing the workbook removes its temporary file
                }
            }
        };
    }

    /** The workbook's cell styles: a bold header, dates and instants as Excel dates (UTC). */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle date;
        final CellStyle instant;

        Styles(SXSSFWorkbook workbook) {
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            instant = workbook.createCellStyle();
            instant.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }

    private static void cell(Cell cell, Object value, Styles styles) {
        switch (value) {
            case null -> cell.setBlank();
            case Number number -> cell.setCellValue(number.doubleValue());
            case Boolean flag -> cell.setCellValue(flag);
            case LocalDate day -> {
                cell.setCellValue(day);
                cell.setCellStyle(styles.date);
            }
            case Instant at -> {
                cell.setCellValue(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                cell.setCellStyle(styles.instant);
            }
            default -> cell.setCellValue(value.toString());
        }
    }
}

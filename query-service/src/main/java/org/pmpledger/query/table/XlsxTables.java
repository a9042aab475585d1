package org.pmpledger.query.table;

import java.io.IOException;
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

/**
 * Writes every {@link Table} answer as an Excel workbook (Apache POI, streamed) for {@code ?format=xlsx}: one sheet, the
 * header row bold and frozen, numbers as numbers and booleans as booleans, everything else as text. A text cell is
 * never a formula, whatever it starts with.
 */
@Configuration(proxyBeanMethods = false)
class XlsxTables {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** Rows kept in memory while streaming; the rest go to a temporary file until written. */
    private static final int WINDOW = 200;

    @Bean
    TableFiles xlsxConverter() {
        return new TableFiles(XLSX, "xlsx") {
            @Override
            void writeFile(Table table, HttpOutputMessage output) throws IOException {
                SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
                try {
                    Sheet sheet = workbook.createSheet("PMP Ledger");
                    CellStyle bold = workbook.createCellStyle();
                    Font font = workbook.createFont();
                    font.setBold(true);
                    bold.setFont(font);
                    Row header = sheet.createRow(0);
                    List<String> columns = Table.columnsOf(table);
                    for (int c = 0; c < columns.size(); c++) {
                        Cell cell = header.createCell(c);
                        cell.setCellValue(columns.get(c));
                        cell.setCellStyle(bold);
                    }
                    sheet.createFreezePane(0, 1);
                    int r = 1;
                    for (List<Object> row : Table.rowsOf(table)) {
                        Row line = sheet.createRow(r++);
                        for (int c = 0; c < row.size(); c++) {
                            cell(line.createCell(c), row.get(c));
                        }
                    }
                    workbook.write(output.getBody());
                } finally {
                    workbook.dispose(); // its temporary file, written or not
                    workbook.close();
                }
            }
        };
    }

    private static void cell(Cell cell, Object value) {
        switch (value) {
            case null -> cell.setBlank();
            case Number number -> cell.setCellValue(number.doubleValue());
            case Boolean flag -> cell.setCellValue(flag);
            default -> cell.setCellValue(value.toString());
        }
    }
}

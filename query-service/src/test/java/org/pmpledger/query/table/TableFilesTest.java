package org.pmpledger.query.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.query.QueryServiceTest;

/**
 * A table by link: {@code ?format=csv} and {@code ?format=xlsx} answer a file named after the table, whose rows are the
 * JSON answer's, with the FFY and the indicator on every row; a spreadsheet cell is never a formula.
 */
class TableFilesTest extends QueryServiceTest {

    private static final int FFY = 2064;
    private static final Instant AT = Instant.parse("2063-08-20T17:00:00Z");
    private static final String TITLE = "=HYPERLINK(\"http://evil.example\",\"open\")";
    private static long through;

    @BeforeEach
    void aCycleWithOnePlan() throws Exception {
        synchronized (TableFilesTest.class) {
            if (through > 0) {
                return;
            }
            publish(cycleWithSpm2(FFY, LocalDate.parse("2063-09-15"), null, AT), 0);
            String plan = UUID.randomUUID().toString();
            publishStream(List.of(new PlanDrafted(plan, FFY, "NAPA", TITLE, AT), spm2Entry(plan, FFY, "NAPA", AT)));
            through = watermark();
        }
    }

    private HttpResponse<byte[]> file(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api().baseUrl() + path))
                .header("Authorization", "Bearer " + TOKENS.analyst())
                .GET()
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private String comparison(String format) {
        return "/api/v1/cycles/" + FFY + "/indicators/SPM-2/comparison?minPosition=" + through
                + (format == null ? "" : "&format=" + format);
    }

    @Test
    void aCsvLinkDownloadsAFileNamedAfterTheTable() throws Exception {
        HttpResponse<byte[]> csv = file(comparison("csv"));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition)
                        .startsWith("attachment")
                        .contains("filename=\"pmp-ffy2064-SPM-2-comparison.csv\""));
    }

    @Test
    void everyCsvRowNamesItsFfyIndicatorAndRegion() throws Exception {
        List<String> lines = new String(file(comparison("csv")).body()).lines().toList();

        assertThat(lines.getFirst()).endsWith(",ffy,indicator,region");
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).containsPattern(",2064,SPM-2,(Northern|Southern)$"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("NAPA,").endsWith(",Northern"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("KERN,").endsWith(",Southern"));
    }

    @Test
    void anXlsxLinkDownloadsAWorkbookWithTheJsonAnswersRows() throws Exception {
        JsonNode json = api().get(comparison(null), TOKENS.analyst()).body();
        HttpResponse<byte[]> xlsx = file(comparison("xlsx"));

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition ->
                        assertThat(disposition).contains("filename=\"pmp-ffy2064-SPM-2-comparison.xlsx\""));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("lcsa");
            assertThat(sheet.getLastRowNum()).isEqualTo(json.get("agencies").size());
            int baseline = columnOf(header, "baseline");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                JsonNode agency = json.get("agencies").get(r - 1);
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(agency.get("lcsa").asString());
                if (agency.get("baseline").isNull()) {
                    assertThat(row.getCell(baseline).getCellType()).isEqualTo(CellType.BLANK);
                } else {
                    assertThat(row.getCell(baseline).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(baseline).getNumericCellValue())
                            .isEqualTo(agency.get("baseline").asDouble());
                }
                assertThat(row.getCell(columnOf(header, "ffy")).getNumericCellValue())
                        .isEqualTo(2064);
            }
        }
    }

    @Test
    void aWorkbookCellIsNeverAFormula() throws Exception {
        HttpResponse<byte[]> xlsx = file("/api/v1/plans?ffy=" + FFY + "&minPosition=" + through + "&format=xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row plan = sheet.getRow(1);
            int title = columnOf(sheet.getRow(0), "title");
            assertThat(plan.getCell(title).getCellType()).isEqualTo(CellType.STRING);
            assertThat(plan.getCell(title).getStringCellValue()).isEqualTo(TITLE);
        }
    }

    @Test
    void aFilteredPlanListIsNamedAfterItsFilter() throws Exception {
        HttpResponse<byte[]> xlsx =
                file("/api/v1/plans?ffy=" + FFY + "&lcsa=NAPA&minPosition=" + through + "&format=xlsx");

        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        disposition -> assertThat(disposition).contains("filename=\"pmp-plans-ffy2064-napa.xlsx\""));
    }

    @Test
    void theJsonAnswerIsTheSameWithoutTheFilesName() {
        JsonNode plans = api().get("/api/v1/plans?ffy=" + FFY + "&minPosition=" + through, TOKENS.analyst())
                .body();

        assertThat(plans.propertyNames()).containsExactly("reflects", "items");
    }

    @Test
    void aWorkbooksInstantsAreDatesInUtc() throws Exception {
        HttpResponse<byte[]> xlsx = file("/api/v1/plans?ffy=" + FFY + "&minPosition=" + through + "&format=xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Cell drafted = sheet.getRow(1).getCell(columnOf(sheet.getRow(0), "drafted_at"));
            assertThat(drafted.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(drafted.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.ofInstant(AT, ZoneOffset.UTC));
        }
    }

    @Test
    void aFormatTheTableDoesNotComeInIsRefusedNamingTheRule() throws Exception {
        HttpResponse<byte[]> pdf = file(comparison("pdf"));

        assertThat(pdf.statusCode()).isEqualTo(406);
        assertThat(new String(pdf.body())).contains("/problems/not-acceptable");
    }

    @Test
    void theOpenApiDocumentNamesTheFormatParameter() {
        JsonNode parameters = api().get("/v3/api-docs", null)
                .body()
                .get("paths")
                .get("/api/v1/cycles/{ffy}/indicators/{indicator}/comparison")
                .get("get")
                .get("parameters");

        assertThat(parameters).anySatisfy(parameter -> {
            assertThat(parameter.get("name").asString()).isEqualTo("format");
            assertThat(parameter.get("schema").get("enum")).hasSize(3);
        });
    }

    private static int columnOf(Row header, String name) {
        for (int c = 0; c < header.getLastCellNum(); c++) {
            if (name.equals(header.getCell(c).getStringCellValue())) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }
}

package org.pmpledger.query.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.AssistanceRequested;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanApproved;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.PlanEvent;
import org.pmpledger.events.plan.PlanSubmitted;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.QuarterlyProgressRecorded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.query.QueryServiceTest;

/**
 * A plan printed in its cycle's DCSS template, as DOCX and PDF, read back (Apache POI; PDFBox's text extraction) and
 * compared with the plan's document: the agency's name, status, approval and version, each entry's measurement with
 * baseline, target and quarterly values and narratives, its tactics with their leads.
 */
class PrintedPlanTest extends QueryServiceTest {

    private static final int FFY = 2066;
    private static final int FFY_2017_FORM = 2067;
    private static final Instant AT = Instant.parse("2065-08-20T17:00:00Z");
    private static final String PLAN = UUID.randomUUID().toString();
    private static final String GOAL_FORM_PLAN = UUID.randomUUID().toString();
    private static long version;

    @BeforeEach
    void anApprovedPlanWithProgressAndATactic() throws Exception {
        synchronized (PrintedPlanTest.class) {
            if (version > 0) {
                return;
            }
            publish(
                    cycleWithSpm2(
                            FFY,
                            LocalDate.parse("2065-09-15"),
                            new PlanningCycleOpened.QuarterDueDates(
                                    LocalDate.parse("2066-01-31"),
                                    LocalDate.parse("2066-05-02"),
                                    LocalDate.parse("2066-08-01"),
                                    LocalDate.parse("2066-10-31")),
                            AT),
                    0);
            publish(cycleWithSpm2(FFY_2017_FORM, LocalDate.parse("2066-09-15"), null, AT), 0);
            List<PlanEvent> events = new ArrayList<>(List.of(
                    new PlanDrafted(PLAN, FFY, "KERN", "Kern PMP → 2066 中文", AT),
                    entry(PLAN, FFY),
                    new TacticAdded(
                            PLAN,
                            FFY,
                            "KERN",
                            "t-1",
                            "e-1",
                            "Early intervention calls",
                            List.of("Jane Doe", "Case team"),
                            "Call every new case within 10 days",
                            LocalDate.parse("2066-03-31"),
                            "1",
                            false,
                            AT),
                    new PlanSubmitted(PLAN, FFY, "KERN", 1, LocalDate.parse("2065-09-15"), false, 0, AT),
                    new PlanApproved(PLAN, FFY, "KERN", 1, "ra@southern", "Southern", "Good plan", AT),
                    new QuarterlyProgressRecorded(
                            PLAN,
                            FFY,
                            "KERN",
                            "e-1",
                            "SPM-2",
                            Quarter.Q1,
                            new BigDecimal("62.10"),
                            "First quarter went well",
                            LocalDate.parse("2066-01-31"),
                            false,
                            0,
                            false,
                            null,
                            null,
                            null,
                            false,
                            Instant.parse("2066-01-20T17:00:00Z")),
                    new AssistanceRequested(
                            PLAN,
                            FFY,
                            "KERN",
                            "r-1",
                            "e-1",
                            null,
                            "Employer data match",
                            "DCSS Technology Services",
                            LocalDate.parse("2066-03-31"),
                            "editor@kern",
                            Instant.parse("2066-01-21T17:00:00Z"))));
            publishStream(events);
            publishStream(List.of(
                    new PlanDrafted(GOAL_FORM_PLAN, FFY_2017_FORM, "NAPA", null, AT),
                    entry(GOAL_FORM_PLAN, FFY_2017_FORM)));
            version = events.size();
        }
    }

    private static PlanEntryAdded entry(String plan, int ffy) {
        return new PlanEntryAdded(
                plan,
                ffy,
                plan.equals(PLAN) ? "KERN" : "NAPA",
                "e-1",
                1,
                null,
                "Collect more current support",
                "Contact every obligor early",
                plan.equals(PLAN) ? "1" : null,
                new Measurement(
                        "SPM-2",
                        "Current support",
                        MeasureUnit.PERCENT,
                        new BigDecimal("61.5"),
                        new BigDecimal("66.0")),
                false,
                AT);
    }

    private HttpResponse<byte[]> file(String planId, String format, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(api().baseUrl() + "/api/v1/plans/" + planId + "?minVersion=2&format=" + format))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private JsonNode document() {
        return api().get("/api/v1/plans/" + PLAN + "?minVersion=" + version, TOKENS.analyst())
                .body();
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** What the printed plan must show of the plan's document, whatever the format. */
    private List<String> whatThePlanSays() {
        JsonNode plan = document();
        JsonNode entry = plan.get("entries").get(0);
        JsonNode measurement = entry.get("measurement");
        JsonNode q1 = entry.get("quarterlyUpdates").get(0);
        JsonNode tactic = entry.get("tactics").get(0);
        return List.of(
                "Kern County Department of Child Support Services",
                plan.get("status").asString(),
                "Version",
                String.valueOf(plan.get("version").asLong()),
                "Approved",
                "FFY 2065/2066 (10/01/65 – 09/30/66)",
                "Key initiative",
                measurement.get("indicator").asString() + " "
                        + measurement.get("title").asString(),
                measurement.get("baseline").decimalValue().toPlainString(),
                measurement.get("target").decimalValue().toPlainString(),
                "Oct-Dec Quarterly Update",
                "01/31/2066",
                q1.get("value").decimalValue().toPlainString(),
                q1.get("narrative").asString(),
                tactic.get("title").asString(),
                String.join(
                        ", ",
                        tactic.get("leads")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList()),
                "Employer data match");
    }

    @Test
    void aPlanPrintsAsAWordDocumentInTheTemplateOfItsCycle() throws Exception {
        HttpResponse<byte[]> docx = file(PLAN, "docx", TOKENS.analyst());

        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docxText(docx.body())).contains(whatThePlanSays());
    }

    @Test
    void aPlanPrintsAsAPdfInTheTemplateOfItsCycle() throws Exception {
        HttpResponse<byte[]> pdf = file(PLAN, "pdf", TOKENS.analyst());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdfText(pdf.body())).contains(whatThePlanSays());
    }

    @Test
    void aPrintedPlanIsAnAttachmentNamedAfterThePlanAndItsVersion() throws Exception {
        HttpResponse<byte[]> pdf = file(PLAN, "pdf", TOKENS.analyst());

        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition ->
                        assertThat(disposition).contains("filename=\"pmp-ffy2066-kern-v" + version + ".pdf\""));
        assertThat(pdf.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
    }

    @Test
    void aCharacterThePdfFontCannotDrawPrintsAsAQuestionMark() throws Exception {
        String text = pdfText(file(PLAN, "pdf", TOKENS.analyst()).body());

        assertThat(text).contains("Kern PMP ? 2066 ??");
    }

    @Test
    void aPlanOfACycleWithoutQuarterlyDueDatesPrintsInTheFfy2017Form() throws Exception {
        String text = docxText(file(GOAL_FORM_PLAN, "docx", TOKENS.analyst()).body());

        assertThat(text)
                .contains(
                        "FFY 10/01/66 – 09/30/67",
                        "GOAL 1:  GOAL ONE",
                        "Objective",
                        "Strategy",
                        "Contact every obligor early",
                        "Performance Measurement",
                        "Progress Reports",
                        "1st Quarter");
    }

    @Test
    void aPlanWithoutATitlePrints() throws Exception {
        HttpResponse<byte[]> pdf = file(GOAL_FORM_PLAN, "pdf", TOKENS.analyst());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdfText(pdf.body())).contains("Napa County Department of Child Support Services", "GOAL 1:");
    }

    @Test
    void anotherAgencysEditorCannotPrintThePlan() throws Exception {
        HttpResponse<byte[]> pdf = file(PLAN, "pdf", TOKENS.lcsaEditor("NAPA"));

        assertThat(pdf.statusCode()).isEqualTo(403);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anUnknownPlanIsAProblemNotAFile() throws Exception {
        HttpResponse<byte[]> pdf = file("no-such-plan", "pdf", TOKENS.analyst());

        assertThat(pdf.statusCode()).isEqualTo(404);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(pdf.headers().firstValue("Content-Disposition")).isEmpty();
    }
}

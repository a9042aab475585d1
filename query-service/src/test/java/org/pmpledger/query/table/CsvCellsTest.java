package org.pmpledger.query.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanEntryAdded;
import org.pmpledger.events.plan.TacticAdded;
import org.pmpledger.query.QueryServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;

/** Text an agency typed is never a formula when the CSV is opened in a spreadsheet. */
class CsvCellsTest extends QueryServiceTest {

    private static final int FFY = 2063;
    private static final Instant AT = Instant.parse("2062-08-20T17:00:00Z");

    @Test
    void textThatWouldStartAFormulaIsWrittenWithALeadingApostrophe() throws Exception {
        publish(cycleWithSpm2(FFY, LocalDate.parse("2062-09-15"), null, AT), 0);
        String plan = UUID.randomUUID().toString();
        publishStream(List.of(
                new PlanDrafted(plan, FFY, "ALAMEDA", "Alameda PMP", AT),
                new PlanEntryAdded(
                        plan,
                        FFY,
                        "ALAMEDA",
                        "e-1",
                        1,
                        null,
                        "Own",
                        null,
                        null,
                        new Measurement(
                                "SPM-2", "Current support", MeasureUnit.PERCENT, BigDecimal.ONE, BigDecimal.TEN),
                        false,
                        AT),
                new TacticAdded(
                        plan,
                        FFY,
                        "ALAMEDA",
                        "t-1",
                        "e-1",
                        "=HYPERLINK(\"http://evil.example\",\"open\")",
                        List.of("+1 555 0100", "@lead", "-minus", "Plain lead"),
                        null,
                        LocalDate.parse("2063-03-31"),
                        null,
                        false,
                        AT)));
        long through = watermark();

        Answer csv = api().send(
                        "GET",
                        "/api/v1/cycles/" + FFY + "/tactics?minPosition=" + through,
                        TOKENS.analyst(),
                        null,
                        Map.of("Accept", "text/csv"));

        assertThat(csv.status()).isEqualTo(200);
        String row = csv.response().body().lines().toList().get(1);
        assertThat(row).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"");
        assertThat(row).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }
}

package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.pmpledger.events.EventHeaders;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.query.QueryServiceTest;

/** A record's trace context reaches the projection: the log line of its apply carries the record's trace id. */
@ExtendWith(OutputCaptureExtension.class)
class AppliedTrailTest extends QueryServiceTest {

    @Test
    void theApplyLogLineOfARecordCarriesItsTraceId(CapturedOutput output) throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String planId = UUID.randomUUID().toString();
        PlanDrafted drafted = new PlanDrafted(planId, 2022, "NAPA", "Napa PMP", Instant.parse("2021-08-20T17:00:00Z"));

        publishRaw(
                0,
                planId,
                Map.of(
                        EventHeaders.TYPE,
                        PmpEventTypes.typeName(PlanDrafted.class),
                        EventHeaders.SEQUENCE,
                        EventHeaders.sequence(0),
                        EventHeaders.ID,
                        UUID.randomUUID().toString(),
                        "traceparent",
                        "00-" + traceId + "-b7ad6b7169203331-01"),
                JSON.writeValueAsBytes(drafted));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(output.getOut().lines())
                        .filteredOn(line -> line.contains("applied pmp.plan.PlanDrafted of stream " + planId))
                        .singleElement()
                        .asString()
                        .contains(traceId));
    }
}

package org.pmpledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.command.jooq.tables.records.DomainEventEntryRecord;
import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.plan.PlanCommented;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.Ffy2022;

/**
 * A 10,000-event plan history, about 40 MB of JSON lines, streams through a database cursor: while the
 * client holds the stream open after its first line, the service retains only a small, bounded part of it.
 * The events are appended as rows (the chain trigger hashes them as it would any event).
 */
class LongHistoryStreamTest extends CommandServiceTest {

    private static final int EVENTS = 10_000;
    private static final String PLAN = "2085d0d0-0000-4000-8000-00000000040e";
    private static final long RETAINED_LIMIT = 16L * 1024 * 1024;

    @Autowired
    DSLContext db;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int serverPort;

    @Autowired
    EventProcessingConfiguration processors;

    /** The publisher has put every appended event on Kafka: its buffers no longer hold any of them. */
    private void awaitPublication() {
        long last = db.select(DSL.max(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX))
                .from(DOMAIN_EVENT_ENTRY)
                .fetchOne()
                .value1();
        TrackingEventProcessor publisher = processors
                .eventProcessor("kafka-publisher", TrackingEventProcessor.class)
                .orElseThrow();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> publisher.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= last));
    }

    private static boolean appended;

    private void appendLongHistory() {
        if (appended) {
            return;
        }
        appended = true;
        String comment = "Reviewed the caseload dashboard with the regional team. ".repeat(55);
        Instant at = Instant.now();
        List<DomainEventEntryRecord> rows = new ArrayList<>();
        rows.add(row(0, new PlanDrafted(PLAN, 2085, "MODOC", "A long history", at), at));
        for (int sequence = 1; sequence < EVENTS; sequence++) {
            rows.add(row(
                    sequence,
                    new PlanCommented(
                            PLAN, 2085, "MODOC", null, "ra-north@dcss", "Northern", sequence + ": " + comment, at),
                    at));
            if (rows.size() == 1000) {
                db.batchInsert(rows).execute();
                rows.clear();
            }
        }
        db.batchInsert(rows).execute();
    }

    private DomainEventEntryRecord row(long sequence, Object payload, Instant at) {
        DomainEventEntryRecord row = db.newRecord(DOMAIN_EVENT_ENTRY);
        row.setEventIdentifier(UUID.randomUUID().toString());
        row.setAggregateIdentifier(PLAN);
        row.setSequenceNumber(sequence);
        row.setType("Plan");
        row.setTimeStamp(at.toString());
        row.setPayloadType(payload.getClass().getName());
        row.setPayloadRevision(String.valueOf(PmpEventTypes.revisionOf(payload.getClass())));
        row.setPayload(json.writeValueAsBytes(payload));
        row.setMetaData("{\"subject\":\"bulk-append@test\"}".getBytes(StandardCharsets.UTF_8));
        return row;
    }

    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void tenThousandEventHistoryStreamsWithBoundedMemory() throws Exception {
        appendLongHistory();
        String auditor = TOKENS.token("long-auditor@dcss", List.of("AUDITOR"), null, null);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + serverPort + "/api/v1/audit/plans/" + PLAN + "/events"))
                .header("Authorization", "Bearer " + auditor)
                .header("Accept", "application/x-ndjson")
                .build();
        awaitPublication();
        long before = retainedHeap();

        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        long retainedWhileStreaming;
        String last;
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            retainedWhileStreaming = retainedHeap() - before;
            lines++;
            bytes += first.length();
            last = first;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length();
                last = line;
            }
        }

        System.out.printf(
                "long history: %d lines, %d MB streamed, %d KB retained while open%n",
                lines, bytes >> 20, retainedWhileStreaming >> 10);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lines).isEqualTo(EVENTS);
        assertThat(ApiClient.json(last).get("sequence").asLong()).isEqualTo(EVENTS - 1);
        assertThat(bytes).isGreaterThan(30L * 1024 * 1024);
        assertThat(retainedWhileStreaming)
                .as("heap retained while the 10,000-event stream is open")
                .isLessThan(RETAINED_LIMIT);
    }

    @Test
    void slowAuditReadersHoldNoConnectionCommandsNeedAndOneReaderMoreThanTheirPoolIs503() throws Exception {
        appendLongHistory();
        String auditor = TOKENS.token("slow-auditor@dcss", List.of("AUDITOR"), null, null);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stream = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + serverPort + "/api/v1/audit/plans/" + PLAN + "/events"))
                .header("Authorization", "Bearer " + auditor)
                .header("Accept", "application/x-ndjson")
                .build();
        List<InputStream> unread = new ArrayList<>();
        try {
            for (int reader = 0; reader < 4; reader++) { // the audit streams' pool: every one of its connections held
                HttpResponse<InputStream> response = http.send(stream, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body().read()).as("the stream has begun").isPositive();
                unread.add(response.body());
            }

            HttpResponse<String> oneMore = http.send(stream, HttpResponse.BodyHandlers.ofString());
            api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2094));
            var drafted = api().post("/api/v1/plans", TOKENS.lcsaEditor("NAPA"), Map.of("ffy", 2094, "lcsa", "NAPA"));

            assertThat(oneMore.statusCode()).isEqualTo(503);
            assertThat(oneMore.headers().firstValue("Retry-After")).isPresent();
            assertThat(oneMore.body()).contains("/problems/audit-streams-busy");
            assertThat(drafted.status())
                    .as("a command beside four held streams")
                    .isEqualTo(201);
        } finally {
            for (InputStream body : unread) {
                body.close();
            }
        }
    }
}

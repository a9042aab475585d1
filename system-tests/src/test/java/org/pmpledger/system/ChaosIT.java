package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.system.ChaosStack.Part;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.TestTokens;

/**
 * Each part of the ledger killed with {@code kill -9} under a steady mixed load and started again, one at a time: the
 * command service, the query service, the Kafka broker, PostgreSQL. After each fault, with the load stopped: no
 * acknowledged request is missing from the event store or stored twice, every plan's read model is its history (an
 * event applied twice or lost would show), every query endpoint answers as a rebuild from the topic does, the chain
 * verifies, no request hung, and commands and fresh reads came back within 10 s of the part's return. The table
 * goes to standard output and to {@code pmp.chaos.report}; {@code infra/chaos} runs it with a longer load.
 */
class ChaosIT {

    private static final TestTokens TOKENS = Stack.TOKENS;
    private static final int FFY = 2022;
    private static final List<String> DRAFTS = List.of("ALAMEDA", "BUTTE", "CONTRA_COSTA", "DEL_NORTE");
    private static final List<String> SUBMITTED = List.of("EL_DORADO", "FRESNO", "GLENN", "LAKE");
    private static final List<String> INDICATORS = List.of("SPM-2", "SPM-7");
    private static final Duration RECOVERY_GOAL = Duration.ofSeconds(10);
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("pmp.chaos.seconds", 4));

    private static ChaosStack stack;
    private static final List<MixedLoad.Plan> plans = new ArrayList<>();

    @BeforeAll
    static void start() {
        stack = new ChaosStack(TOKENS);
        Answer opened = stack.commands().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
        DRAFTS.forEach(agency -> plans.add(plan(agency, false)));
        SUBMITTED.forEach(agency -> plans.add(plan(agency, true)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void eachPartKilledUnderLoadLosesNothingAndComesBackWithinTenSeconds() throws Exception {
        MixedLoad load = new MixedLoad(stack::commands, stack::queries, TOKENS, plans);

        List<ChaosReport.Row> rows = new ArrayList<>();
        for (Part part : Part.values()) {
            rows.add(fault(part, load));
        }
        String table = ChaosReport.table(rows, LOAD, RECOVERY_GOAL);
        System.out.println(table);
        Files.writeString(Path.of(System.getProperty("pmp.chaos.report", "target/chaos-report.txt")), table);
        for (ChaosReport.Row row : rows) {
            assertThat(row.problems(RECOVERY_GOAL)).as(table).isEmpty();
        }
    }

    @Test
    void recordsReceivedAgainAfterTheirBatchWasAppliedButNotCommittedChangeNoReport() throws Exception {
        MixedLoad load = new MixedLoad(stack::commands, stack::queries, TOKENS, plans);
        long phase = System.nanoTime();
        load.start(2);
        try {
            loadFor(load, phase);
        } finally {
            load.stop();
        }
        assertThat(unlikeTheirHistory(plans)).isEmpty();
        Map<String, JsonNode> before = ReadModels.of(stack.queries(), TOKENS.stateAdmin(), FFY, INDICATORS);
        long committed = stack.committedOffsets();

        stack.kill(Part.QUERY_SERVICE);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> stack.forgetCommittedOffsets());
        assertThat(stack.committedOffsets()).isZero();
        stack.restart(Part.QUERY_SERVICE);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.committedOffsets() >= committed);

        assertThat(ReadModels.differences(ReadModels.of(stack.queries(), TOKENS.stateAdmin(), FFY, INDICATORS), before))
                .isEmpty();
        assertThat(unlikeTheirHistory(plans)).isEmpty();
    }

    private ChaosReport.Row fault(Part part, MixedLoad load) throws Exception {
        long phase = System.nanoTime();
        long killed;
        long back;
        load.start(3);
        try {
            loadFor(load, phase);
            killed = System.nanoTime();
            stack.kill(part);
            stack.restart(part);
            back = System.nanoTime();
            load.probe();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> load.firstAckAfter(back) > 0 && load.firstFreshReadAfter(back) > 0);
            loadFor(load, System.nanoTime());
        } finally {
            load.stop();
        }

        List<MixedLoad.Ack> acks = load.acknowledgedSince(phase);
        Map<String, Integer> stored = stack.eventsByRequest();
        long missing = acks.stream()
                .filter(ack -> stored.getOrDefault(ack.correlationId(), 0) == 0)
                .count();
        long twice = acks.stream()
                .filter(ack -> stored.getOrDefault(ack.correlationId(), 0) > ack.events())
                .count();
        List<String> unlikeHistory = unlikeTheirHistory(plans);
        List<String> unlikeRebuild = unlikeARebuild();
        JsonNode verification = stack.commands()
                .get("/api/v1/audit/verification", TOKENS.stateAdmin())
                .body();
        return new ChaosReport.Row(
                part,
                acks.size(),
                missing,
                twice,
                unlikeHistory,
                unlikeRebuild,
                verification.get("ok").asBoolean(),
                load.hungSince(phase),
                Duration.ofNanos(back - killed),
                Duration.ofNanos(load.firstAckAfter(back) - back),
                Duration.ofNanos(load.firstFreshReadAfter(back) - back));
    }

    /** Keeps the load going for the phase's length, and until something was acknowledged in it. */
    private static void loadFor(MixedLoad load, long since) {
        await().pollDelay(LOAD)
                .atMost(LOAD.plus(Duration.ofSeconds(90)))
                .until(() -> !load.acknowledgedSince(since).isEmpty());
    }

    /** Each plan read at its latest version and compared with the event store's replay of it. */
    private static List<String> unlikeTheirHistory(List<MixedLoad.Plan> plans) {
        List<String> differences = new ArrayList<>();
        for (MixedLoad.Plan plan : plans) {
            long version = stack.commands()
                    .get("/api/v1/audit/plans/" + plan.id() + "/events?size=1", TOKENS.stateAdmin())
                    .body()
                    .get("total")
                    .asLong();
            JsonNode history = stack.commands()
                    .get("/api/v1/audit/plans/" + plan.id() + "/state?version=" + version, TOKENS.stateAdmin())
                    .body();
            JsonNode read = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> stack.queries()
                                    .get("/api/v1/plans/" + plan.id() + "?minVersion=" + version, TOKENS.analyst()),
                            answer -> answer.status() == 200)
                    .body();
            JsonDifferences.between(read, history).forEach(d -> differences.add(plan.agency() + " " + d));
        }
        return differences;
    }

    /** Every query endpoint's answers now, then after a rebuild of the read models from the topic. */
    private static List<String> unlikeARebuild() {
        Map<String, JsonNode> live = ReadModels.of(stack.queries(), TOKENS.stateAdmin(), FFY, INDICATORS);
        Answer started = stack.queries().post("/api/v1/admin/rebuild", TOKENS.stateAdmin(), null);
        assertThat(started.status()).as(started.response().body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Answer status = stack.queries().get("/api/v1/admin/rebuild", TOKENS.stateAdmin());
                    String state =
                            status.status() == 200 ? status.body().get("state").asString() : "UNANSWERED";
                    assertThat(state).as(status.response().body()).isNotEqualTo("FAILED");
                    return state.equals("DONE");
                });
        Map<String, JsonNode> rebuilt = ReadModels.of(stack.queries(), TOKENS.stateAdmin(), FFY, INDICATORS);
        return ReadModels.differences(live, rebuilt);
    }

    private static MixedLoad.Plan plan(String agency, boolean submitted) {
        String editor = TOKENS.lcsaEditor(agency);
        Answer drafted = stack.commands().post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", agency));
        assertThat(drafted.status()).as(drafted.response().body()).isEqualTo(201);
        String planId = drafted.body().get("id").asString();
        Answer entry =
                stack.commands().post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1());
        assertThat(entry.status()).as(entry.response().body()).isEqualTo(201);
        if (submitted) {
            Answer submission = stack.commands().post("/api/v1/plans/" + planId + "/submission", editor, null);
            assertThat(submission.status()).as(submission.response().body()).isEqualTo(200);
        }
        return new MixedLoad.Plan(agency, planId, entry.body().get("id").asString(), submitted);
    }
}

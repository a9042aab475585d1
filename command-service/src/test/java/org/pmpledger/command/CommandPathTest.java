package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;
import static org.pmpledger.command.jooq.Tables.PLAN_SLOT;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import org.pmpledger.command.audit.ChainVerification;
import org.pmpledger.events.EventHeaders;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.TopicReader;

/** The user's path: HTTP command, events in the PostgreSQL store, published to Kafka; and each refusal. */
class CommandPathTest extends CommandServiceTest {

    /** This class's cycles: 2030 to 2039, one per test that opens one (2040 on are other tests'), and 2050. */
    private static final AtomicInteger NEXT_FFY = new AtomicInteger(2030);

    private static final int TRACED_FFY = 2050;

    @Autowired
    DSLContext db;

    @Autowired
    ChainVerification chains;

    private int openCycle() {
        int ffy = NEXT_FFY.getAndIncrement();
        Answer opened = api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy));
        assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
        return ffy;
    }

    private String draft(int ffy, String lcsa) {
        Answer drafted = api().post("/api/v1/plans", TOKENS.lcsaEditor(lcsa), Map.of("ffy", ffy, "lcsa", lcsa));
        assertThat(drafted.status()).as(drafted.response().body()).isEqualTo(201);
        return drafted.body().get("id").asString();
    }

    private void addEntry(String planId, String lcsa) {
        Answer added = api().post(
                        "/api/v1/plans/" + planId + "/entries", TOKENS.lcsaEditor(lcsa), Ffy2022.entryForInitiative1());
        assertThat(added.status()).as(added.response().body()).isEqualTo(201);
    }

    private int eventsOf(String streamId) {
        return db.fetchCount(DOMAIN_EVENT_ENTRY, DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(streamId));
    }

    private int storedEvents() {
        return db.fetchCount(DOMAIN_EVENT_ENTRY);
    }

    @Test
    void draftedAndSubmittedPlanIsStoredAndPublishedKeyedByPlan() {
        int ffy = openCycle();

        Answer drafted = api().post(
                        "/api/v1/plans",
                        TOKENS.lcsaEditor("ALAMEDA"),
                        Map.of("ffy", ffy, "lcsa", "ALAMEDA", "title", "Alameda PMP"));
        String planId = drafted.body().get("id").asString();
        addEntry(planId, "ALAMEDA");
        Answer submitted = api().post("/api/v1/plans/" + planId + "/submission", TOKENS.lcsaEditor("ALAMEDA"), null);

        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.header("Location")).isEqualTo("/api/v1/plans/" + planId);
        assertThat(drafted.body().get("version").asLong()).isEqualTo(1);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.header("ETag")).isEqualTo("\"3\"");
        assertThat(submitted.body().get("position").asLong())
                .isGreaterThan(drafted.body().get("position").asLong());
        assertThat(eventsOf(planId)).isEqualTo(3);
        String metaData = new String(
                db.select(DOMAIN_EVENT_ENTRY.META_DATA)
                        .from(DOMAIN_EVENT_ENTRY)
                        .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(planId))
                        .and(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(2L))
                        .fetchOne(DOMAIN_EVENT_ENTRY.META_DATA),
                StandardCharsets.UTF_8);
        assertThat(metaData)
                .contains(
                        "\"subject\":\"editor@alameda\"",
                        "\"lcsa\":\"ALAMEDA\"",
                        "\"LCSA_EDITOR\"",
                        "\"clientId\":\"test-client\"",
                        "\"traceId\"",
                        "\"correlationId\"");

        List<ConsumerRecord<String, byte[]>> published = publishedFor(planId, 3);
        assertThat(published).extracting(ConsumerRecord::key).containsOnly(planId);
        assertThat(published)
                .extracting(r -> header(r, EventHeaders.TYPE))
                .containsExactly("pmp.plan.PlanDrafted", "pmp.plan.PlanEntryAdded", "pmp.plan.PlanSubmitted");
        ConsumerRecord<String, byte[]> submit = published.get(2);
        assertThat(header(submit, EventHeaders.SEQUENCE)).isEqualTo("0000000000000000002");
        assertThat(header(submit, EventHeaders.POSITION))
                .isEqualTo(submitted.body().get("position").asString());
        assertThat(header(submit, EventHeaders.REVISION)).isEqualTo("1");
        assertThat(header(submit, EventHeaders.SUBJECT)).isEqualTo(planId);
        assertThat(submit.headers().lastHeader(EventHeaders.ID)).isNotNull();
        assertThat(submit.headers().lastHeader(EventHeaders.TIME)).isNotNull();
        assertThat(new String(submit.value(), StandardCharsets.UTF_8)).contains("\"lcsa\":\"ALAMEDA\"");
    }

    @Test
    void theCallersTraceGoesIntoTheStoredEventAndOntoItsKafkaRecord() {
        int ffy = TRACED_FFY;
        assertThat(api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy))
                        .status())
                .isEqualTo(201);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

        Answer drafted = api().post(
                        "/api/v1/plans",
                        TOKENS.lcsaEditor("SHASTA"),
                        Map.of("ffy", ffy, "lcsa", "SHASTA"),
                        Map.of("traceparent", traceparent));

        assertThat(drafted.status()).isEqualTo(201);
        String planId = drafted.body().get("id").asString();
        assertThat(drafted.header("traceparent"))
                .as("the answer names the request's span")
                .startsWith("00-" + traceId + "-");
        String metaData = new String(
                db.select(DOMAIN_EVENT_ENTRY.META_DATA)
                        .from(DOMAIN_EVENT_ENTRY)
                        .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(planId))
                        .fetchOne(DOMAIN_EVENT_ENTRY.META_DATA),
                StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"traceparent\":\"00-" + traceId + "-");
        ConsumerRecord<String, byte[]> record = publishedFor(planId, 1).getFirst();
        assertThat(header(record, "traceparent"))
                .as("the record continues the trace in a publish span of its own")
                .startsWith("00-" + traceId + "-")
                .isNotEqualTo(traceparent);
    }

    @Test
    void everyAnswerNamesItsTraceEvenARefusal() {
        Answer refused = api().get("/api/v1/audit/verification", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    @Test
    void editorOfAnotherAgencyCannotSubmitThePlan() {
        int ffy = openCycle();
        String planId = draft(ffy, "KERN");

        Answer answer = api().post("/api/v1/plans/" + planId + "/submission", TOKENS.lcsaEditor("FRESNO"), null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/own-agency-only");
        assertThat(eventsOf(planId)).isEqualTo(1);
    }

    @Test
    void editorCannotDraftAnotherAgencysPlan() {
        int ffy = openCycle();
        int before = storedEvents();

        Answer answer = api().post("/api/v1/plans", TOKENS.lcsaEditor("FRESNO"), Map.of("ffy", ffy, "lcsa", "KERN"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void submittingAnUnknownPlanIs404() {
        Answer answer =
                api().post("/api/v1/plans/" + UUID.randomUUID() + "/submission", TOKENS.lcsaEditor("KERN"), null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void secondPlanForTheSameAgencyAndYearIs409NamingTheFirst() {
        int ffy = openCycle();
        String first = draft(ffy, "MARIN");
        int before = storedEvents();

        Answer answer = api().post("/api/v1/plans", TOKENS.lcsaEditor("MARIN"), Map.of("ffy", ffy, "lcsa", "MARIN"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/one-plan-per-agency-and-year");
        assertThat(answer.body().get("detail").asString()).contains(first);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void secondCycleForTheSameYearIs409() {
        int ffy = openCycle();

        Answer answer = api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void staleIfMatchIs412AndStoresNothing() {
        int ffy = openCycle();
        String planId = draft(ffy, "NAPA");

        Answer answer = api().post(
                        "/api/v1/plans/" + planId + "/submission",
                        TOKENS.lcsaEditor("NAPA"),
                        null,
                        Map.of("If-Match", "\"7\""));

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(eventsOf(planId)).isEqualTo(1);
    }

    @Test
    void currentIfMatchIsAccepted() {
        int ffy = openCycle();
        String planId = draft(ffy, "YUBA");
        addEntry(planId, "YUBA");

        Answer answer = api().post(
                        "/api/v1/plans/" + planId + "/submission",
                        TOKENS.lcsaEditor("YUBA"),
                        null,
                        Map.of("If-Match", "\"2\""));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void sameIdempotencyKeyAndBodyAnswersTheFirstAnswerAndStoresNothingNew() {
        int ffy = openCycle();
        Map<String, String> key = Map.of("Idempotency-Key", "draft-" + UUID.randomUUID());

        Answer first = api().post("/api/v1/plans", TOKENS.lcsaEditor("LAKE"), Map.of("ffy", ffy, "lcsa", "LAKE"), key);
        int after = storedEvents();
        Answer again = api().post("/api/v1/plans", TOKENS.lcsaEditor("LAKE"), Map.of("ffy", ffy, "lcsa", "LAKE"), key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents()).isEqualTo(after);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIs422() {
        int ffy = openCycle();
        Map<String, String> key = Map.of("Idempotency-Key", "draft-" + UUID.randomUUID());
        api().post("/api/v1/plans", TOKENS.lcsaEditor("MODOC"), Map.of("ffy", ffy, "lcsa", "MODOC"), key);

        Answer answer = api().post(
                        "/api/v1/plans",
                        TOKENS.lcsaEditor("MODOC"),
                        Map.of("ffy", ffy, "lcsa", "MODOC", "title", "other"),
                        key);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void concurrentDraftsForTheSameAgencyAndYearMakeExactlyOnePlan() throws Exception {
        int ffy = openCycle();
        List<Integer> statuses = allAtOnce(
                8,
                () -> api().post("/api/v1/plans", TOKENS.lcsaEditor("PLACER"), Map.of("ffy", ffy, "lcsa", "PLACER"))
                        .status());

        assertThat(statuses)
                .containsOnly(201, 409)
                .filteredOn(status -> status == 201)
                .hasSize(1);
        assertThat(db.fetchCount(PLAN_SLOT, PLAN_SLOT.FFY.eq(ffy).and(PLAN_SLOT.LCSA.eq("PLACER"))))
                .isEqualTo(1);
        assertThat(db.fetchCount(
                        DOMAIN_EVENT_ENTRY,
                        DOMAIN_EVENT_ENTRY
                                .PAYLOAD_TYPE
                                .endsWith("PlanDrafted")
                                .and(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(db.select(PLAN_SLOT.PLAN_ID)
                                        .from(PLAN_SLOT)
                                        .where(PLAN_SLOT.FFY.eq(ffy))
                                        .and(PLAN_SLOT.LCSA.eq("PLACER"))))))
                .isEqualTo(1);
    }

    /**
     * Many requests on one plan at once: each waits for the one before it to commit (the aggregate stays locked
     * until then), so every event's previous_hash is its predecessor's hash and no sequence number is skipped.
     */
    @Test
    void concurrentCommandsOnOnePlanKeepItsHashChainUnbroken() throws Exception {
        int ffy = 2087; // its own year: openCycle()'s sequence ends before 2040, which EventUpcastingTest stores
        Answer opened = api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy));
        assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
        String planId = draft(ffy, "PLACER");
        int requests = 16;
        List<Integer> statuses = allAtOnce(
                requests,
                () -> api().post(
                                "/api/v1/plans/" + planId + "/entries",
                                TOKENS.lcsaEditor("PLACER"),
                                Ffy2022.entryForInitiative1())
                        .status());

        assertThat(statuses).containsOnly(201);
        assertThat(eventsOf(planId)).isEqualTo(1 + requests);
        ChainVerification.Result chain = chains.verify(planId);
        assertThat(chain.firstMismatch()).isNull();
        assertThat(chain.eventsChecked()).isEqualTo(1 + requests);
    }

    /** Agencies of the reference data, for tests that need many plans of one year. */
    private static final List<String> AGENCIES = List.of(
            "ALAMEDA",
            "BUTTE",
            "CONTRA_COSTA",
            "DEL_NORTE",
            "EL_DORADO",
            "FRESNO",
            "GLENN",
            "IMPERIAL",
            "KERN",
            "KINGS",
            "LAKE",
            "LASSEN",
            "CENTRAL_SIERRA",
            "CSY_REGIONAL",
            "NORTH_COAST",
            "EASTERN_SIERRA");

    /** In how many database transactions the streams' events of one sequence number were stored (each row's inserting transaction). */
    private int transactionsThatStored(List<String> streamIds, long sequence) {
        return db.fetchValue(db.select(DSL.countDistinct(DSL.field("xmin::text", String.class)))
                .from(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.in(streamIds))
                .and(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(sequence)));
    }

    /**
     * Commands on different plans sent at once are decided in groups: one transaction, one append and one commit for
     * several requests. Each is answered with its own plan's version and position, as if alone.
     */
    @Test
    void concurrentCommandsOnDifferentPlansAreStoredTogetherAndEachAnsweredWithItsOwnPlan() throws Exception {
        int ffy = 2089; // its own year, as above
        assertThat(api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy))
                        .status())
                .isEqualTo(201);
        List<String> plans = AGENCIES.stream().map(lcsa -> draft(ffy, lcsa)).toList();
        Map<String, Answer> answers = new ConcurrentHashMap<>();

        List<Integer> statuses = allAtOnce(plans.size(), i -> {
            Answer added = api().post(
                            "/api/v1/plans/" + plans.get(i) + "/entries",
                            TOKENS.lcsaEditor(AGENCIES.get(i)),
                            Ffy2022.entryForInitiative1());
            answers.put(plans.get(i), added);
            return added.status();
        });

        assertThat(statuses).containsOnly(201);
        for (String plan : plans) {
            JsonNode accepted = answers.get(plan).body();
            Long lastPosition = db.select(DSL.max(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX))
                    .from(DOMAIN_EVENT_ENTRY)
                    .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan))
                    .fetchOne(0, Long.class);
            assertThat(accepted.get("planId").asString()).isEqualTo(plan);
            assertThat(accepted.get("version").asLong()).as(plan).isEqualTo(2);
            assertThat(accepted.get("position").asLong()).as(plan).isEqualTo(lastPosition);
            assertThat(answers.get(plan).header("ETag")).isEqualTo("\"2\"");
            assertThat(chains.verify(plan).firstMismatch()).isNull();
        }
        assertThat(transactionsThatStored(plans, 1))
                .as("transactions for %d requests sent at once", plans.size())
                .isLessThan(plans.size());
    }

    /** A refused command in a group stores nothing and answers its own problem; the group's other requests are stored. */
    @Test
    void aRefusedCommandAmongConcurrentOnesStoresNothingAndTheOthersAreStored() throws Exception {
        int ffy = 2090;
        assertThat(api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy))
                        .status())
                .isEqualTo(201);
        List<String> plans = AGENCIES.stream().map(lcsa -> draft(ffy, lcsa)).toList();
        Map<Integer, Answer> answers = new ConcurrentHashMap<>();

        // even plans get an entry; odd ones are submitted without any, which the cycle's submission rules refuse
        List<Integer> statuses = allAtOnce(plans.size(), i -> {
            Answer answer = i % 2 == 0
                    ? api().post(
                                    "/api/v1/plans/" + plans.get(i) + "/entries",
                                    TOKENS.lcsaEditor(AGENCIES.get(i)),
                                    Ffy2022.entryForInitiative1())
                    : api().post(
                                    "/api/v1/plans/" + plans.get(i) + "/submission",
                                    TOKENS.lcsaEditor(AGENCIES.get(i)),
                                    null);
            answers.put(i, answer);
            return answer.status();
        });

        for (int i = 0; i < plans.size(); i++) {
            if (i % 2 == 0) {
                assertThat(statuses.get(i)).as(answers.get(i).response().body()).isEqualTo(201);
                assertThat(answers.get(i).body().get("version").asLong()).isEqualTo(2);
                assertThat(eventsOf(plans.get(i))).isEqualTo(2);
            } else {
                assertThat(statuses.get(i)).isEqualTo(422);
                assertThat(answers.get(i).contentType()).startsWith("application/problem+json");
                assertThat(answers.get(i).body().get("type").asString())
                        .isEqualTo("/problems/submission-rules-of-the-cycle");
                assertThat(eventsOf(plans.get(i))).isEqualTo(1);
            }
        }
    }

    @Test
    void planCommandIsDecidedOnItsCycleAsItIsNowAfterTheCycleChanged() {
        int ffy = 2088; // its own year, as above
        assertThat(api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy))
                        .status())
                .isEqualTo(201);
        String planId = draft(ffy, "BUTTE");
        addEntry(planId, "BUTTE"); // the cycle's terms are kept from here on, at its first version
        Answer recorded = api().post(
                        "/api/v1/cycles/" + ffy + "/agency-values",
                        TOKENS.stateAdmin(),
                        Map.of(
                                "indicator",
                                "SPM-7",
                                "values",
                                List.of(Map.of("lcsa", "BUTTE", "value", 80, "asOf", (ffy - 1) + "-06-30"))));
        assertThat(recorded.status()).as(recorded.response().body()).isEqualTo(200);
        int cycleEvents = eventsOf("cycle-" + ffy);

        Answer submitted = api().post("/api/v1/plans/" + planId + "/submission", TOKENS.lcsaEditor("BUTTE"), null);

        // 80 is below the paternity threshold of 90: initiative 4 is now required of BUTTE, and no entry serves it
        assertThat(submitted.status()).as(submitted.response().body()).isEqualTo(422);
        assertThat(submitted.response().body()).contains("key initiative 4");
        assertThat(eventsOf(planId)).isEqualTo(2);
        assertThat(eventsOf("cycle-" + ffy)).isEqualTo(cycleEvents);
    }

    private List<ConsumerRecord<String, byte[]>> publishedFor(String key, int count) {
        return TopicReader.of(
                key,
                TopicReader.readUntil(TOPIC, read -> TopicReader.of(key, read).size() >= count));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

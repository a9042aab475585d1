package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * Two command-service and two query-service instances on one event store, one projections database and one topic,
 * as a state would run them. Under a steady load of new tactics sent to both command instances, a rebuild runs on
 * one query instance, and one instance of each service is killed ({@code kill -9}) and started again. Afterwards every
 * acknowledged command is in the event store, both query instances answer every plan exactly as the event store's
 * own replay of it, and the hash chain verifies.
 */
class ManyInstancesIT {

    private static final TestTokens TOKENS = Stack.TOKENS;
    private static final int FFY = 2023;
    private static final List<String> AGENCIES = List.of(
            "ALAMEDA",
            "BUTTE",
            "CONTRA_COSTA",
            "EL_DORADO",
            "FRESNO",
            "GLENN",
            "IMPERIAL",
            "KERN",
            "KINGS",
            "LAKE",
            "LOS_ANGELES",
            "MADERA");

    private static final Map<String, String> COMMAND = new HashMap<>();
    private static final Map<String, String> QUERY = new HashMap<>();
    private static final AtomicReferenceArray<RunningService> commandInstances = new AtomicReferenceArray<>(2);
    private static final AtomicReferenceArray<RunningService> queryInstances = new AtomicReferenceArray<>(2);

    /** Every plan's entry, and the tactics whose AddTactic was acknowledged (2xx) by either command instance. */
    private final Map<String, String> entryOf = new HashMap<>();

    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

    @BeforeAll
    static void twoOfEach() {
        String topic = "pmp.plan-events.many-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database eventStore = TestPostgres.newDatabase("pmp_command_many");
        TestPostgres.Database projections = TestPostgres.newDatabaseOwnedBy("pmp_query_many", TestPostgres.QUERY_APP);
        COMMAND.putAll(ServiceProperties.command(eventStore, TestKafka.bootstrapServers(), topic, TOKENS));
        QUERY.putAll(
                ServiceProperties.query(projections, TestKafka.bootstrapServers(), topic, "many-" + topic, TOKENS));
        for (int i = 0; i < 2; i++) {
            commandInstances.set(i, RunningService.instance("command-service", "command-service-" + i, COMMAND));
        }
        for (int i = 0; i < 2; i++) {
            queryInstances.set(i, RunningService.instance("query-service", "query-service-" + i, QUERY));
        }
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        for (AtomicReferenceArray<RunningService> instances : List.of(queryInstances, commandInstances)) {
            for (int i = 0; i < instances.length(); i++) {
                if (instances.get(i) != null) {
                    instances.get(i).close();
                }
            }
        }
    }

    private static ApiClient commands(int instance) {
        return new ApiClient(commandInstances.get(instance).baseUrl());
    }

    private static ApiClient queries(int instance) {
        return new ApiClient(queryInstances.get(instance).baseUrl());
    }

    @Test
    void killedInstancesAndARebuildUnderLoadLoseNothingAndEveryInstanceAnswersTheHistory() throws Exception {
        Answer opened = commands(0).post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
        for (int i = 0; i < AGENCIES.size(); i++) {
            draftWithEntry(i % 2, AGENCIES.get(i));
        }

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        List<Future<?>> senders = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int sender = 0; sender < 4; sender++) {
                int first = sender;
                senders.add(threads.submit(() -> {
                    for (int n = first; loading.get(); n += 4) {
                        correctOrAdd(n % 2, AGENCIES.get(n % AGENCIES.size()), sent.incrementAndGet());
                    }
                }));
            }
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedCount() >= 40);

                Answer rebuild = queries(0).post("/api/v1/admin/rebuild", TOKENS.stateAdmin(), null);
                assertThat(rebuild.status()).as(rebuild.response().body()).isEqualTo(202);
                Answer second = queries(1).post("/api/v1/admin/rebuild", TOKENS.stateAdmin(), null);
                assertThat(second.status())
                        .as(
                                "a rebuild at once on the other instance: %s",
                                second.response().body())
                        .isIn(409, 202);

                restartKilled(commandInstances, 1, "command-service", COMMAND);
                int before = acknowledgedCount();
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedCount() >= before + 40);
                restartKilled(queryInstances, 1, "query-service", QUERY);
                int after = acknowledgedCount();
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedCount() >= after + 40);
            } finally {
                loading.set(false);
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> rebuildState(0).equals("DONE"));

        for (String agency : AGENCIES) {
            String planId = entryOf.keySet().stream()
                    .filter(plan -> plan.startsWith(agency + ":"))
                    .findFirst()
                    .orElseThrow()
                    .substring(agency.length() + 1);
            JsonNode history = commands(0)
                    .get("/api/v1/audit/plans/" + planId + "/state?version=" + versionOf(planId), TOKENS.stateAdmin())
                    .body();
            assertThat(tacticIds(history))
                    .as("every acknowledged tactic of %s is stored", agency)
                    .containsAll(acknowledged.getOrDefault(agency, Set.of()));
            for (int instance = 0; instance < 2; instance++) {
                Answer read = queries(instance)
                        .get(
                                "/api/v1/plans/" + planId + "?minVersion="
                                        + history.get("version").asLong(),
                                TOKENS.analyst());
                assertThat(read.status()).as(read.response().body()).isEqualTo(200);
                assertThat(JsonDifferences.between(read.body(), history))
                        .as("query instance %d answers %s's plan as its history", instance, agency)
                        .isEmpty();
            }
        }
        JsonNode verification = commands(1)
                .get("/api/v1/audit/verification", TOKENS.stateAdmin())
                .body();
        assertThat(verification.get("ok").asBoolean())
                .as(verification.toString())
                .isTrue();
    }

    private static void restartKilled(
            AtomicReferenceArray<RunningService> instances,
            int instance,
            String service,
            Map<String, String> properties)
            throws InterruptedException {
        instances.get(instance).kill();
        instances.set(instance, RunningService.instance(service, service + "-" + instance + "-again", properties));
    }

    private void draftWithEntry(int instance, String agency) {
        String editor = TOKENS.lcsaEditor(agency);
        Answer drafted = commands(instance).post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", agency));
        assertThat(drafted.status()).as(drafted.response().body()).isEqualTo(201);
        String planId = drafted.body().get("id").asString();
        Answer entry =
                commands(instance).post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1());
        assertThat(entry.status()).as(entry.response().body()).isEqualTo(201);
        entryOf.put(agency + ":" + planId, entry.body().get("id").asString());
    }

    /**
     * Every other request revises a tactic the plan already has (a correction), the others add one; a refusal or a
     * dead instance is no acknowledgement, and the load goes on.
     */
    private void correctOrAdd(int instance, String agency, int n) {
        Map.Entry<String, String> plan = entryOf.entrySet().stream()
                .filter(e -> e.getKey().startsWith(agency + ":"))
                .findFirst()
                .orElseThrow();
        String planId = plan.getKey().substring(agency.length() + 1);
        String tacticId =
                acknowledged.getOrDefault(agency, Set.of()).stream().findAny().orElse(null);
        try {
            if (n % 2 == 0 && tacticId != null) {
                commands(instance)
                        .send(
                                "PUT",
                                "/api/v1/plans/" + planId + "/tactics/" + tacticId,
                                TOKENS.lcsaEditor(agency),
                                Map.of("title", "Tactic revised " + n, "reason", "Correction " + n),
                                Map.of("Idempotency-Key", "many-" + n));
                return;
            }
            Answer added = commands(instance)
                    .post(
                            "/api/v1/plans/" + planId + "/tactics",
                            TOKENS.lcsaEditor(agency),
                            Map.of(
                                    "entryId",
                                    plan.getValue(),
                                    "title",
                                    "Tactic " + n,
                                    "leads",
                                    List.of("Lead " + n),
                                    "projectedCompletion",
                                    FFY + "-06-30"),
                            Map.of("Idempotency-Key", "many-" + n));
            if (added.status() / 100 == 2) {
                acknowledged
                        .computeIfAbsent(agency, a -> ConcurrentHashMap.newKeySet())
                        .add(added.body().get("id").asString());
            }
        } catch (UncheckedIOException | IllegalStateException unanswered) {
            // the instance was killed under the request: not acknowledged
        }
    }

    private int acknowledgedCount() {
        return acknowledged.values().stream().mapToInt(Set::size).sum();
    }

    private static String rebuildState(int instance) {
        Answer status = queries(instance).get("/api/v1/admin/rebuild", TOKENS.stateAdmin());
        return status.status() == 200 ? status.body().get("state").asString() : "NONE";
    }

    private static long versionOf(String planId) {
        return commands(0)
                .get("/api/v1/audit/plans/" + planId + "/events?size=1", TOKENS.stateAdmin())
                .body()
                .get("total")
                .asLong();
    }

    private static List<String> tacticIds(JsonNode plan) {
        List<String> ids = new ArrayList<>();
        plan.get("entries")
                .forEach(entry -> entry.get("tactics")
                        .forEach(t -> ids.add(t.get("tacticId").asString())));
        return ids;
    }
}

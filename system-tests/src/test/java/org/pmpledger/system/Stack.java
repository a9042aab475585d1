package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * Both services as shipped (their executable jars, each in its own JVM) on fresh PostgreSQL databases and a topic of
 * their own on a real Kafka broker, with the FFY 2022 cycle open and the pipeline live. Started once per test JVM and
 * shared by the system tests; the services end with the JVM.
 */
final class Stack {

    static final TestTokens TOKENS = TestTokens.inNewKeyDirectory();
    static final int FFY = 2022;
    private static Stack running;

    final ApiClient commands;
    final ApiClient queries;
    final String topic;
    /** The query service's output: its log lines. */
    final Path queryLog;

    private final TestPostgres.Database eventStore;

    private Stack(
            ApiClient commands, ApiClient queries, String topic, Path queryLog, TestPostgres.Database eventStore) {
        this.commands = commands;
        this.queries = queries;
        this.topic = topic;
        this.queryLog = queryLog;
        this.eventStore = eventStore;
    }

    static synchronized Stack get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static Stack start() {
        String topic = "pmp.plan-events.sys-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database eventStore = TestPostgres.newDatabase("pmp_command_sys");
        TestPostgres.Database projections = TestPostgres.newDatabaseOwnedBy("pmp_query_sys", TestPostgres.QUERY_APP);
        RunningService commandService = RunningService.start(
                "command-service",
                lagMeasuredOften(ServiceProperties.command(eventStore, TestKafka.bootstrapServers(), topic, TOKENS)));
        RunningService queryService = RunningService.start(
                "query-service",
                lagMeasuredOften(ServiceProperties.query(
                        projections, TestKafka.bootstrapServers(), topic, "sys-" + topic, TOKENS)));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            close(queryService);
                            close(commandService);
                        },
                        "system-test-stack-stop"));
        Stack stack = new Stack(
                new ApiClient(commandService.baseUrl()),
                new ApiClient(queryService.baseUrl()),
                topic,
                queryService.log(),
                eventStore);
        Answer opened = stack.commands.post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
        // the pipeline is live (the publisher's producer made, the query side's consumer given its partitions) before
        // the tests time it: a cold start on a loaded 2-core machine takes longer than their 2 s
        long position = opened.body().get("position").asLong();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(stack.queries
                                .get(
                                        "/api/v1/cycles/" + FFY + "/indicators/SPM-2/comparison?minPosition="
                                                + position,
                                        TOKENS.analyst())
                                .status())
                        .isEqualTo(200));
        return stack;
    }

    /** The lag gauges measured every 200 ms instead of 5 s: a scrape under a short load sees them move. */
    private static Map<String, String> lagMeasuredOften(Map<String, String> properties) {
        Map<String, String> often = new HashMap<>(properties);
        often.put("pmp.publication.lag-interval", "PT0.2S");
        often.put("pmp.intake.lag-interval", "PT0.2S");
        return often;
    }

    /** A drafted plan with the entry the cycle's submission rule asks for. */
    String draftPlan(String editor, String lcsa) {
        Answer drafted = commands.post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", lcsa));
        assertThat(drafted.status()).as(drafted.response().body()).isEqualTo(201);
        String planId = drafted.body().get("id").asString();
        Answer added = commands.post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1());
        assertThat(added.status()).as(added.response().body()).isEqualTo(201);
        return planId;
    }

    /** How many rows the event store's table holds now. */
    long rowsOf(String table) {
        try (Connection c =
                        DriverManager.getConnection(eventStore.jdbcUrl(), eventStore.user(), eventStore.password());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(RunningService service) {
        try {
            service.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

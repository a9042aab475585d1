package org.pmpledger.bench;

import java.nio.file.Path;
import java.util.Map;

import org.pmpledger.testsupport.RunningService;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * The command service started a second time with the settings of {@code -Dbench.compare="--key=value ..."}, with its
 * own event store, topic and query service, for P1 side by side; nothing when the option is not given.
 */
final class Compared implements AutoCloseable {

    private final RunningService command;
    private final RunningService query;

    private Compared(RunningService command, RunningService query) {
        this.command = command;
        this.query = query;
    }

    static Compared started(
            String settings,
            ServiceLaunch launch,
            Path commandJar,
            Path commandAot,
            Path queryJar,
            Path queryAot,
            String kafka,
            TestTokens tokens,
            String topic) {
        if (settings.isEmpty()) {
            return new Compared(null, null);
        }
        RunningService command = launch.start(
                "command-service-compared",
                commandJar,
                commandAot,
                ServiceProperties.withSettings(
                        ServiceProperties.localProperties(
                                TestPostgres.newDatabase("pmp_bench_compared"),
                                kafka,
                                tokens,
                                Map.of("pmp.publication.topic", topic + "-compared")),
                        settings));
        // its events are projected too, by a query service of its own: both stacks alike
        RunningService query = launch.start(
                "query-service-compared",
                queryJar,
                queryAot,
                ServiceProperties.localProperties(
                        TestPostgres.newDatabase("pmp_bench_compared_query"),
                        kafka,
                        tokens,
                        Map.of(
                                "spring.kafka.consumer.group-id",
                                "bench-" + topic + "-compared",
                                "pmp.intake.topic",
                                topic + "-compared")));
        return new Compared(command, query);
    }

    /** The compared stack with its own approved plans, or null without one. */
    BenchTarget target(BenchPlans plans) throws Exception {
        return command == null ? null : new BenchTarget(command, query, plans.approved(command.baseUrl()));
    }

    @Override
    public void close() throws InterruptedException {
        if (command != null) {
            command.close();
            query.close();
        }
    }
}

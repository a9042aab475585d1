package org.pmpledger.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.TestClock;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * command-service over real HTTP, on a fresh PostgreSQL database and a real Kafka broker, with its
 * own topic. One Spring context is shared by the tests extending this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CommandServiceTest.SettableClock.class)
public abstract class CommandServiceTest {

    protected static final TestTokens TOKENS = TestTokens.inNewKeyDirectory();
    static final TestPostgres.Database DATABASE = TestPostgres.newDatabase("pmp_command_it");
    static final TestPostgres.Database APPLICATION = DATABASE.as(TestPostgres.COMMAND_APP);
    private static DSLContext owner;
    protected static final String TOPIC =
            "pmp.plan-events.it-" + UUID.randomUUID().toString().substring(0, 8);
    /** "Now" for the service's decisions: the system clock unless a test sets it (reset after each test). */
    protected static final TestClock CLOCK = new TestClock();

    @TestConfiguration
    @Profile("!local") // the local profile decides with its demo time instead
    static class SettableClock {
        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }

    @AfterEach
    void systemClockAgain() {
        CLOCK.reset();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        // the service connects as the application role; the migrations run as the database's owner
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> APPLICATION.user());
        registry.add("spring.datasource.password", () -> APPLICATION.password());
        registry.add("spring.flyway.user", DATABASE::user);
        registry.add("spring.flyway.password", DATABASE::password);
        // a lock the event store waits for longer than this is a stalled database (StalledDatabaseTest)
        registry.add("pmp.database.lock-timeout", () -> "2s");
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("pmp.publication.topic", () -> TOPIC);
        registry.add("pmp.security.local-key-dir", () -> TOKENS.keyDirectory().toString());
    }

    /** Sends {@code requests} requests from as many threads released at once (request {@code i} by {@code request.apply(i)}); answers their statuses. */
    protected static List<Integer> allAtOnce(int requests, IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    /** Sends {@code requests} copies of a request from as many threads released at once; answers their statuses. */
    protected static List<Integer> allAtOnce(int requests, Callable<Integer> request) throws Exception {
        return allAtOnce(requests, n -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The database as its owner, for what the service's role may not do: change events behind the triggers' back. */
    protected static synchronized DSLContext owner() {
        if (owner == null) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(DATABASE.jdbcUrl());
            dataSource.setUser(DATABASE.user());
            dataSource.setPassword(DATABASE.password());
            owner = DSL.using(dataSource, SQLDialect.POSTGRES);
        }
        return owner;
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}

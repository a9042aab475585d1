package org.pmpledger.command;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.TestClock;
import org.pmpledger.testsupport.TestKafka;
import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * command-service over real HTTP, on a fresh PostgreSQL database and a real Kafka broker, with its
 * own topic. One Spring context is shared by the tests extending this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CommandServiceTest.SettableClock.class)
public abstract class CommandServiceTest {

    protected static final TestTokens TOKENS = TestTokens.inNewKeyDirectory();
    static final TestPostgres.Database DATABASE = TestPostgres.newDatabase("pmp_command_it");
    static final String TOPIC = "pmp.plan-events.it-" + UUID.randomUUID().toString().substring(0, 8);
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
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("pmp.publication.topic", () -> TOPIC);
        registry.add("pmp.security.local-key-dir", () -> TOKENS.keyDirectory().toString());
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}

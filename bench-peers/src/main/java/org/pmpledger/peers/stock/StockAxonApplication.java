package org.pmpledger.peers.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The stock peer: the Plan's RecordQuarterlyProgress and AddTactic, decided by the command service's own decisions
 * ({@code ProgressDecisions}, {@code TacticDecisions}) on its plan state ({@code PlanState}), without its authorization,
 * version check, idempotency or publication, on {@code axon-spring-boot-starter}'s defaults: a Spring MVC controller,
 * {@code sendAndWait}, Axon's JDBC event store in its default tables, an event-sourced aggregate loaded from its events
 * for every command. Only what it needs to run under Boot 4 is set (application.yml): Jackson 3 as serializer, and the
 * command service's auto-configuration order (its jar is on the classpath for the decisions and brings
 * {@code AxonAfterBoot4DataSource}; its application.yml is shadowed by this one, and without Flyway its migrations
 * stay unread).
 */
@SpringBootApplication
public class StockAxonApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockAxonApplication.class, args);
    }
}

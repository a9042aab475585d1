package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * A database that does not let a command through answers within the bound, never hangs the request: here the event
 * store is held by another session (the lock every append takes) longer than the service's lock wait
 * ({@code pmp.database.lock-timeout}, 2 s in the tests).
 */
class StalledDatabaseTest extends CommandServiceTest {

    private static final int FFY = 2092;

    @Autowired
    DSLContext db;

    @Test
    void aCommandTheDatabaseHoldsUpIsAnswered503WithRetryAfterWithinTheBoundAndStoresNothing() throws Exception {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        String editor = TOKENS.lcsaEditor("YUBA");
        String plan = api().post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", "YUBA"))
                .body()
                .get("id")
                .asString();
        int before = db.fetchCount(DOMAIN_EVENT_ENTRY, DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan));
        Answer answer;
        long took;
        try (Connection holder = owner().configuration().connectionProvider().acquire();
                Statement hold = holder.createStatement()) {
            hold.execute("SELECT pg_advisory_lock(7305921874121)");
            long started = System.nanoTime();
            answer = api().post("/api/v1/plans/" + plan + "/entries", editor, Ffy2022.entryForInitiative1());
            took = System.nanoTime() - started;
            hold.execute("SELECT pg_advisory_unlock(7305921874121)");
        }

        assertThat(answer.status()).as(answer.response().body()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/database-busy");
        assertThat(Duration.ofNanos(took))
                .as("bounded by the lock wait, decided in a group and again alone")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(db.fetchCount(DOMAIN_EVENT_ENTRY, DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan)))
                .isEqualTo(before);
        Answer afterwards = api().post("/api/v1/plans/" + plan + "/entries", editor, Ffy2022.entryForInitiative1());
        assertThat(afterwards.status())
                .as("the same command once the database lets it through")
                .isEqualTo(201);
    }
}

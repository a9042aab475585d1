package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * An event stored at an older revision (a checked-in revision-1 PlanningCycleOpened, written into the
 * event store as it was then) loads as today's record through the upcaster chain: in the event store's
 * reads and in the aggregate that decides on it.
 */
class EventUpcastingTest extends CommandServiceTest {

    private static boolean stored;

    @Autowired
    DSLContext db;

    @Autowired
    EventStore eventStore;

    @BeforeAll
    static void resetFlag() {
        stored = false;
    }

    private void storeRevision1Cycle() throws IOException {
        if (stored) {
            return;
        }
        try (InputStream v1 = getClass().getResourceAsStream("/stored/PlanningCycleOpened.v1.json")) {
            db.insertInto(DOMAIN_EVENT_ENTRY)
                    .set(DOMAIN_EVENT_ENTRY.EVENT_IDENTIFIER, UUID.randomUUID().toString())
                    .set(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER, "cycle-2040")
                    .set(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER, 0L)
                    .set(DOMAIN_EVENT_ENTRY.TYPE, "PlanningCycle")
                    .set(DOMAIN_EVENT_ENTRY.TIME_STAMP, "2039-08-04T16:00:00Z")
                    .set(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE, PlanningCycleOpened.class.getName())
                    .set(DOMAIN_EVENT_ENTRY.PAYLOAD_REVISION, "1")
                    .set(DOMAIN_EVENT_ENTRY.PAYLOAD, v1.readAllBytes())
                    .set(DOMAIN_EVENT_ENTRY.META_DATA, "{}".getBytes(StandardCharsets.UTF_8))
                    .execute();
        }
        stored = true;
    }

    @Test
    void revision1CycleReadsAsTheCurrentRevisionWithThePaternityIndicatorAsThresholdIndicator() throws IOException {
        storeRevision1Cycle();

        PlanningCycleOpened opened =
                (PlanningCycleOpened) eventStore.readEvents("cycle-2040").next().getPayload();

        assertThat(opened.ffy()).isEqualTo(2040);
        assertThat(opened.keyInitiatives())
                .extracting(KeyInitiative::code, KeyInitiative::thresholdIndicator)
                .containsExactly(Tuple.tuple("1", null), Tuple.tuple("4", "SPM-7"));
    }

    @Test
    void cycleStoredAtRevision1StillDecidesCommands() throws IOException {
        storeRevision1Cycle();

        Answer recorded = api().post(
                        "/api/v1/cycles/2040/agency-values",
                        TOKENS.stateAdmin(),
                        Map.of(
                                "indicator",
                                "SPM-7",
                                "values",
                                List.of(Map.of("lcsa", "KERN", "value", 84.0, "asOf", "2039-06-30"))));

        assertThat(recorded.status()).as(recorded.response().body()).isEqualTo(200);
        assertThat(recorded.body().get("version").asLong()).isEqualTo(2);
    }
}

package org.pmpledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.CHAIN_CHECKPOINT;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/** A chain checkpoint is the head over all streams, reproducible from the stored hashes, and listed for auditors. */
class ChainCheckpointTest extends CommandServiceTest {

    private final String auditor = TOKENS.token("checkpoint-auditor@dcss", List.of("AUDITOR"), null, null);

    @Autowired
    DSLContext db;

    @Autowired
    ChainCheckpoints checkpoints;

    @Test
    void checkpointHeadIsTheHashOverEveryStreamsLastEventAndIsListed() throws Exception {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2075));
        api().post("/api/v1/plans", TOKENS.lcsaEditor("TULARE"), Map.of("ffy", 2075, "lcsa", "TULARE"));

        Answer recorded = api().post("/api/v1/audit/checkpoints", TOKENS.stateAdmin(), null);

        assertThat(recorded.status()).isEqualTo(201);
        long through = recorded.body().get("throughGlobalIndex").asLong();
        TreeMap<String, byte[]> last = new TreeMap<>();
        db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX.le(through))
                .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                .forEach(e -> last.put(e.getAggregateIdentifier(), e.getEventHash()));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        last.forEach((stream, hash) ->
                sha256.update((stream + ":" + HexFormat.of().formatHex(hash) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(recorded.body().get("headHash").asString())
                .isEqualTo(HexFormat.of().formatHex(sha256.digest()));
        assertThat(recorded.body().get("streams").asLong()).isEqualTo(last.size());
        JsonNode listed = api().get("/api/v1/audit/checkpoints", auditor)
                .body()
                .get("checkpoints")
                .get(0);
        assertThat(listed.get("headHash").asString())
                .isEqualTo(recorded.body().get("headHash").asString());
    }

    @Test
    void aScheduledCheckpointIsRecordedOnceWhenEveryInstanceAsksAtOnce() throws Exception {
        Answer opened = api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2069));
        assertThat(opened.status()).as("events no checkpoint covers yet").isEqualTo(201);
        int before = db.fetchCount(CHAIN_CHECKPOINT);

        List<Integer> answered = allAtOnce(4, instance -> {
            checkpoints.recordIfNew(); // each a command instance's schedule, on one database
            return 0;
        });

        assertThat(answered).hasSize(4);
        assertThat(db.fetchCount(CHAIN_CHECKPOINT)).isEqualTo(before + 1);
    }

    @Test
    void checkpointHeadsAreTheTextItsHeadHashIsTakenOver() throws Exception {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2074));
        Answer recorded = api().post("/api/v1/audit/checkpoints", TOKENS.stateAdmin(), null);

        Answer heads = api().get(
                        "/api/v1/audit/checkpoints/"
                                + recorded.body().get("checkpointId").asLong() + "/heads",
                        auditor);

        assertThat(heads.status()).isEqualTo(200);
        assertThat(heads.contentType()).startsWith("text/plain");
        byte[] text = heads.response().body().getBytes(StandardCharsets.UTF_8);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)))
                .isEqualTo(recorded.body().get("headHash").asString());
        assertThat(heads.response().body().lines())
                .anyMatch(line -> line.startsWith("cycle-2074:"))
                .hasSize(recorded.body().get("streams").asInt());
    }

    @Test
    void onlyAStateAdminRecordsACheckpoint() {
        Answer answer = api().post("/api/v1/audit/checkpoints", auditor, null);

        assertThat(answer.status()).isEqualTo(403);
    }
}

package org.pmpledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.command.jooq.tables.records.DomainEventEntryRecord;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * The hash chain: intact after commands; the owner or a superuser who disables the append-only trigger and edits,
 * re-hashes or deletes events is caught: by the stream's chain, or, for a stream rewritten from the edit to its end, by
 * the latest checkpoint; verification names what no longer matches.
 */
class ChainVerificationTest extends CommandServiceTest {

    private final String auditor = TOKENS.token("auditor@dcss", List.of("AUDITOR"), null, null);

    @Autowired
    DSLContext db;

    private String planWithEvents(String lcsa, int ffy) {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy));
        String plan = api().post(
                        "/api/v1/plans",
                        TOKENS.lcsaEditor(lcsa),
                        Map.of("ffy", ffy, "lcsa", lcsa, "title", "Original title"))
                .body()
                .get("id")
                .asString();
        api().post("/api/v1/plans/" + plan + "/entries", TOKENS.lcsaEditor(lcsa), Ffy2022.entryForInitiative1());
        api().post("/api/v1/plans/" + plan + "/submission", TOKENS.lcsaEditor(lcsa), null);
        return plan;
    }

    private JsonNode verify(String planId) {
        Answer answer = api().get("/api/v1/audit/verification" + (planId == null ? "" : "?planId=" + planId), auditor);
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void chainOfAPlanIsIntactAfterItsCommands() {
        String plan = planWithEvents("SHASTA", 2077);

        JsonNode result = verify(plan);

        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("eventsChecked").asLong()).isEqualTo(3);
        assertThat(db.fetchCount(
                        DOMAIN_EVENT_ENTRY,
                        DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan).and(DOMAIN_EVENT_ENTRY.EVENT_HASH.isNull())))
                .isZero();
    }

    @Test
    void payloadEditedBehindTheTriggersBackIsCaughtAndNamed() {
        String plan = planWithEvents("SISKIYOU", 2078);
        var drafted = db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan), DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(0L))
                .fetchOne();
        byte[] edited = new String(drafted.getPayload(), StandardCharsets.UTF_8)
                .replace("Original title", "Edited title")
                .getBytes(StandardCharsets.UTF_8);

        behindTheTriggersBack(
                "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", edited, drafted.getGlobalIndex());
        JsonNode ofPlan = verify(plan);
        JsonNode whole = verify(null);

        assertThat(ofPlan.get("ok").asBoolean()).isFalse();
        JsonNode mismatch = ofPlan.get("firstMismatch");
        assertThat(mismatch.get("eventIdentifier").asString()).isEqualTo(drafted.getEventIdentifier());
        assertThat(mismatch.get("sequence").asLong()).isZero();
        assertThat(mismatch.get("reason").asString()).contains("does not match the event's stored content");
        assertThat(whole.get("ok").asBoolean())
                .as("the whole store holds the edited event")
                .isFalse();
    }

    @Test
    void deletedEventIsCaughtAndTheGapNamed() {
        String plan = planWithEvents("TEHAMA", 2073);
        var entry = eventOf(plan, 1);

        behindTheTriggersBack("DELETE FROM domain_event_entry WHERE global_index = ?", entry.getGlobalIndex());
        JsonNode result = verify(plan);

        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("firstMismatch").get("sequence").asLong()).isEqualTo(2);
        assertThat(result.get("firstMismatch").get("reason").asString()).contains("an event is missing");
    }

    @Test
    void editThatWasReHashedIsCaughtByTheNextEventsLink() {
        String plan = planWithEvents("PLUMAS", 2072);
        var drafted = eventOf(plan, 0);

        behindTheTriggersBack(
                "UPDATE domain_event_entry e SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'Original title', 'Edited title'), 'UTF8') WHERE global_index = ?",
                drafted.getGlobalIndex());
        behindTheTriggersBack(
                "UPDATE domain_event_entry e SET event_hash = event_canonical_hash(e.previous_hash, e) "
                        + "WHERE global_index = ?",
                drafted.getGlobalIndex());
        JsonNode result = verify(plan);

        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("firstMismatch").get("sequence").asLong()).isEqualTo(1);
        assertThat(result.get("firstMismatch").get("reason").asString()).contains("previous_hash is not the hash");
    }

    @Test
    void streamRewrittenAndReHashedToItsEndIsCaughtByTheLatestCheckpoint() {
        String plan = planWithEvents("MODOC", 2071);
        var submitted = eventOf(plan, 2);
        Answer checkpoint = api().post("/api/v1/audit/checkpoints", TOKENS.stateAdmin(), null);
        assertThat(checkpoint.status()).isEqualTo(201);

        behindTheTriggersBack(
                "UPDATE domain_event_entry e SET meta_data = convert_to('{\"subject\":\"someone else\"}', 'UTF8') "
                        + "WHERE global_index = ?",
                submitted.getGlobalIndex());
        behindTheTriggersBack(
                "UPDATE domain_event_entry e SET event_hash = event_canonical_hash(e.previous_hash, e) "
                        + "WHERE global_index = ?",
                submitted.getGlobalIndex());
        JsonNode ofPlan = verify(plan);
        JsonNode whole = verify(null);

        assertThat(ofPlan.get("ok").asBoolean())
                .as("the plan's own chain is consistent again")
                .isTrue();
        assertThat(whole.get("ok").asBoolean()).isFalse();
        assertThat(whole.get("latestCheckpoint").get("ok").asBoolean()).isFalse();
        assertThat(whole.get("latestCheckpoint").get("checkpointId").asLong())
                .isEqualTo(checkpoint.body().get("checkpointId").asLong());
    }

    @Test
    void theServicesRoleCannotChangeEventsEvenWithTheTriggersOff() {
        assertThatThrownBy(() ->
                        db.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only"))
                .rootCause()
                .hasMessageContaining("must be owner");
    }

    private DomainEventEntryRecord eventOf(String plan, long sequence) {
        return db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(
                        DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan),
                        DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(sequence))
                .fetchOne();
    }

    /** What only the table's owner can do: switch the append-only trigger off, change the events, switch it on. */
    private static void behindTheTriggersBack(String sql, Object... bindings) {
        owner().transaction(tx -> {
            tx.dsl().execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            tx.dsl().execute(sql, bindings);
            tx.dsl().execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        });
    }

    @Test
    void onlyAuditorsAndStateAdminsVerify() {
        Answer answer = api().get("/api/v1/audit/verification", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}

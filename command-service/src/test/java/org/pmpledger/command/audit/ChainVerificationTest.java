package org.pmpledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The hash chain: intact after commands; a superuser who disables the append-only trigger and edits
 * one payload is caught, and verification names that event.
 */
class ChainVerificationTest extends CommandServiceTest {

    private final String auditor = TOKENS.token("auditor@dcss", List.of("AUDITOR"), null, null);

    @Autowired
    DSLContext db;

    private String planWithEvents(String lcsa, int ffy) {
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(ffy));
        String plan = api().post("/api/v1/plans", TOKENS.lcsaEditor(lcsa), Map.of("ffy", ffy, "lcsa", lcsa, "title", "Original title"))
                .body().get("id").asString();
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
        assertThat(db.fetchCount(DOMAIN_EVENT_ENTRY, DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan)
                .and(DOMAIN_EVENT_ENTRY.EVENT_HASH.isNull()))).isZero();
    }

    @Test
    void payloadEditedBehindTheTriggersBackIsCaughtAndNamed() {
        String plan = planWithEvents("SISKIYOU", 2078);
        var drafted = db.selectFrom(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan), DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(0L)).fetchOne();
        byte[] edited = new String(drafted.getPayload(), StandardCharsets.UTF_8).replace("Original title", "Edited title")
                .getBytes(StandardCharsets.UTF_8);

        db.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        try {
            db.update(DOMAIN_EVENT_ENTRY).set(DOMAIN_EVENT_ENTRY.PAYLOAD, edited)
                    .where(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX.eq(drafted.getGlobalIndex())).execute();
        } finally {
            db.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        }
        JsonNode ofPlan = verify(plan);
        JsonNode whole = verify(null);

        assertThat(ofPlan.get("ok").asBoolean()).isFalse();
        JsonNode mismatch = ofPlan.get("firstMismatch");
        assertThat(mismatch.get("eventIdentifier").asString()).isEqualTo(drafted.getEventIdentifier());
        assertThat(mismatch.get("sequence").asLong()).isZero();
        assertThat(mismatch.get("reason").asString()).contains("does not match the event's stored content");
        assertThat(whole.get("ok").asBoolean()).isFalse();
        assertThat(whole.get("firstMismatch").get("eventIdentifier").asString()).isEqualTo(drafted.getEventIdentifier());
    }

    @Test
    void onlyAuditorsAndStateAdminsVerify() {
        Answer answer = api().get("/api/v1/audit/verification", TOKENS.analyst());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}

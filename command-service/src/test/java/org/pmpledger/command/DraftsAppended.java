package org.pmpledger.command;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.PmpEventTypes;
import org.pmpledger.events.plan.PlanDrafted;

/** Plans drafted straight into the event store, past the service: a test's own rows, in the transaction it holds. */
public final class DraftsAppended {

    private DraftsAppended() {}

    /** A new plan's PlanDrafted, appended through {@code db} (its connection's open transaction); answers its position. */
    public static long draftOf(DSLContext db, JsonMapper json, int ffy, String lcsa, String subject) {
        Instant at = Instant.now();
        PlanDrafted drafted = new PlanDrafted(UUID.randomUUID().toString(), ffy, lcsa, lcsa + " PMP", at);
        return db.insertInto(DOMAIN_EVENT_ENTRY)
                .set(DOMAIN_EVENT_ENTRY.EVENT_IDENTIFIER, UUID.randomUUID().toString())
                .set(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER, drafted.planId())
                .set(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER, 0L)
                .set(DOMAIN_EVENT_ENTRY.TYPE, "Plan")
                .set(DOMAIN_EVENT_ENTRY.TIME_STAMP, at.toString())
                .set(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE, PlanDrafted.class.getName())
                .set(DOMAIN_EVENT_ENTRY.PAYLOAD_REVISION, String.valueOf(PmpEventTypes.revisionOf(PlanDrafted.class)))
                .set(DOMAIN_EVENT_ENTRY.PAYLOAD, json.writeValueAsBytes(drafted))
                .set(
                        DOMAIN_EVENT_ENTRY.META_DATA,
                        ("{\"subject\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
                .returning(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX)
                .fetchOne()
                .getGlobalIndex();
    }
}

package org.pmpledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;
import static org.pmpledger.command.jooq.Tables.TOKEN_ENTRY;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.testsupport.Ffy2022;

/**
 * The event table refuses UPDATE, DELETE and TRUNCATE for its owner, by triggers; the service's own login role
 * ({@code db} here, as the service connects) has no grant for them either, cannot switch the triggers off or replicate
 * them away, and keeps its own bookkeeping writable.
 */
class AppendOnlyEventStoreTest extends CommandServiceTest {

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void someEvents() {
        if (db.fetchCount(DOMAIN_EVENT_ENTRY) == 0) {
            api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(2079));
            api().post("/api/v1/plans", TOKENS.lcsaEditor("LASSEN"), Map.of("ffy", 2079, "lcsa", "LASSEN"));
        }
        assertThat(db.fetchCount(DOMAIN_EVENT_ENTRY)).isPositive();
    }

    @Test
    void ownerCannotUpdateAnEvent() {
        assertThatThrownBy(() -> owner().update(DOMAIN_EVENT_ENTRY)
                        .set(DOMAIN_EVENT_ENTRY.PAYLOAD, "{}".getBytes(StandardCharsets.UTF_8))
                        .execute())
                .rootCause()
                .hasMessageContaining("append-only: UPDATE refused");
    }

    @Test
    void ownerCannotDeleteAnEvent() {
        assertThatThrownBy(() -> owner().deleteFrom(DOMAIN_EVENT_ENTRY).execute())
                .rootCause()
                .hasMessageContaining("append-only: DELETE refused");
    }

    @Test
    void ownerCannotTruncateTheEvents() {
        assertThatThrownBy(() -> owner().truncate(DOMAIN_EVENT_ENTRY).execute())
                .rootCause()
                .hasMessageContaining("append-only: TRUNCATE refused");
    }

    @Test
    void servicesRoleReadsAndAppendsEvents() {
        assertThat(db.fetchCount(DOMAIN_EVENT_ENTRY)).isPositive();
        assertThat(db.fetchValue("SELECT has_table_privilege(current_user, 'domain_event_entry', 'INSERT')"))
                .isEqualTo(true);
    }

    @Test
    void servicesRoleCannotUpdateAnEvent() {
        assertThatThrownBy(() -> db.update(DOMAIN_EVENT_ENTRY)
                        .set(DOMAIN_EVENT_ENTRY.TYPE, "x")
                        .execute())
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void servicesRoleCannotDeleteAnEvent() {
        assertThatThrownBy(() -> db.deleteFrom(DOMAIN_EVENT_ENTRY).execute())
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void servicesRoleCannotTruncateTheEvents() {
        assertThatThrownBy(() -> db.truncate(DOMAIN_EVENT_ENTRY).execute())
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void servicesRoleCannotSwitchTheTriggersOff() {
        assertThatThrownBy(() -> db.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER ALL"))
                .rootCause()
                .hasMessageContaining("must be owner");
    }

    @Test
    void servicesRoleCannotReplicateTheTriggersAway() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        tx -> db.execute("SET LOCAL session_replication_role = replica")))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void servicesRoleCannotPutATableOfItsOwnInTheTriggersWay() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        tx -> db.execute("CREATE TEMPORARY TABLE domain_event_entry (LIKE public.domain_event_entry)")))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void servicesRoleOnlyReadsTheAgencies() {
        assertThatThrownBy(() -> db.execute("UPDATE agency SET region = 'Southern' WHERE code = 'ALAMEDA'"))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void tokensStayWritable() {
        var ofTest = TOKEN_ENTRY.PROCESSOR_NAME.eq("append-only-test");
        db.insertInto(TOKEN_ENTRY)
                .set(TOKEN_ENTRY.PROCESSOR_NAME, "append-only-test")
                .set(TOKEN_ENTRY.SEGMENT, 0)
                .set(TOKEN_ENTRY.OWNER, "a")
                .execute();

        int updated =
                db.update(TOKEN_ENTRY).set(TOKEN_ENTRY.OWNER, "b").where(ofTest).execute();
        int deleted = db.deleteFrom(TOKEN_ENTRY).where(ofTest).execute();

        assertThat(updated).isEqualTo(1);
        assertThat(deleted).isEqualTo(1);
    }
}

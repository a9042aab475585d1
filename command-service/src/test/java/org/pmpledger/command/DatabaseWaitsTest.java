package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every connection the service takes bounds its waits in the server: statements, locks, idle transactions. */
class DatabaseWaitsTest extends CommandServiceTest {

    @Autowired
    DSLContext db;

    @Test
    void theServicesConnectionsBoundStatementsLocksAndIdleTransactions() {
        assertThat(db.fetchValue("SHOW statement_timeout")).isEqualTo("30s");
        assertThat(db.fetchValue("SHOW lock_timeout")).isEqualTo("2s");
        assertThat(db.fetchValue("SHOW idle_in_transaction_session_timeout")).isEqualTo("1min");
    }
}

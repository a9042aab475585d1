package org.pmpledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.command.DraftsAppended;

/**
 * A position that rolled back never holds an event (events commit in position order), so a reader's tracking token
 * forgets it once it has read past it: every event read carries a small token, whatever was rolled back.
 */
class RolledBackPositionsTest extends CommandServiceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    JsonMapper json;

    @Test
    void aTrackingTokenKeepsNoRolledBackPositionOnceItHasReadTwoEventsPastIt() throws Exception {
        long before = appendDraft(true);
        long rolledBack = appendDraft(false);
        appendDraft(true);
        long last = appendDraft(true);

        List<GapAwareTrackingToken> tokens = tokensThrough(before, last);

        assertThat(tokens.getLast().getIndex()).isEqualTo(last);
        assertThat(tokens.getLast().getGaps()).doesNotContain(rolledBack).isEmpty();
    }

    /** The tokens of the events after {@code from}, read from the store as the publisher reads, through {@code last}. */
    private List<GapAwareTrackingToken> tokensThrough(long from, long last) {
        List<GapAwareTrackingToken> tokens = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(
                GapAwareTrackingToken.newInstance(from, Collections.emptySortedSet()), false)) {
            Iterator<? extends TrackedEventMessage<?>> read = events.iterator();
            while (tokens.isEmpty() || tokens.getLast().getIndex() < last) {
                tokens.add((GapAwareTrackingToken) read.next().trackingToken());
            }
        }
        return tokens;
    }

    /** A plan drafted straight into the event store, in a transaction of its own that commits or rolls back. */
    private long appendDraft(boolean commit) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long position =
                    DraftsAppended.draftOf(DSL.using(connection, SQLDialect.POSTGRES), json, 2094, "KERN", "gaps@test");
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return position;
        }
    }
}

package org.pmpledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** Idempotency-Key → the first answer, kept per caller in the real table. */
class IdempotencyRecordsTest extends CommandServiceTest {

    @Autowired
    IdempotencyRecords records;

    private static RequestContext keyed(String subject, String key, String hash) {
        return new RequestContext(
                new Caller(subject, Set.of(Role.SERVICE), "ALAMEDA", null, "cms"),
                Optional.of(key),
                hash,
                null,
                "trace",
                Optional.empty(),
                RequestThreadContext.Captured.NOTHING);
    }

    @Test
    void theFirstAnswerIsGivenAgainForTheSameRequest() {
        String key = UUID.randomUUID().toString();
        CommandAccepted accepted = new CommandAccepted("p-1", null, 1, 10, null);
        records.remember(keyed("app", key, "h1"), true, "/api/v1/plans/p-1", accepted);

        var first = records.firstAnswer(keyed("app", key, "h1"), CommandAccepted.class);

        assertThat(first).hasValueSatisfying(answer -> {
            assertThat(answer.accepted()).isEqualTo(accepted);
            assertThat(answer.created()).isTrue();
            assertThat(answer.location()).isEqualTo("/api/v1/plans/p-1");
        });
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        records.remember(keyed("app", key, "h1"), false, null, new CommandAccepted("p-1", null, 2, 11, null));

        assertThatThrownBy(() -> records.firstAnswer(keyed("app", key, "h2"), CommandAccepted.class))
                .isInstanceOf(CommandRefused.class)
                .hasMessageContaining("was used for another request");
    }

    @Test
    void keysAreEachCallersOwn() {
        String key = UUID.randomUUID().toString();
        records.remember(keyed("app", key, "h1"), false, null, new CommandAccepted("p-1", null, 2, 11, null));

        assertThat(records.firstAnswer(keyed("another-app", key, "h9"), CommandAccepted.class))
                .isEmpty();
    }
}

package org.pmpledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A command's HTTP answer, made once its transaction has ended. */
class AnsweredTest {

    private static final CommandAccepted ACCEPTED = new CommandAccepted("e-1", "p-1", 4, 91, null);

    @Test
    void aCreationIs201WithItsLocationTheVersionAsETagAndTheCorrelationId() {
        ResponseEntity<CommandAccepted> answer =
                new Answered<>(ACCEPTED, true, "/api/v1/plans/p-1/entries/e-1", false).response("trace-7");

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/v1/plans/p-1/entries/e-1");
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"4\"");
        assertThat(answer.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("trace-7");
        assertThat(answer.getBody()).isSameAs(ACCEPTED);
    }

    @Test
    void aChangeIs200WithoutLocation() {
        ResponseEntity<CommandAccepted> answer = new Answered<>(ACCEPTED, false, null, false).response("trace-7");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getLocation()).isNull();
    }

    @Test
    void aFirstAnswerGivenAgainSaysSoAndCarriesNoNewCorrelationId() {
        ResponseEntity<CommandAccepted> answer = new Answered<>(ACCEPTED, false, null, true).response("trace-8");

        assertThat(answer.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(answer.getHeaders().getFirst("X-Correlation-Id")).isNull();
    }
}

package org.pmpledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.web.TraceParents;

/** A command request's context, read from its headers and its caller's token. */
class RequestContextsTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/plans/p-1/submission");
    private final RequestContexts contexts = new RequestContexts(
            request,
            new IdempotencyRecords(null, JsonMapper.builder().build(), Clock.systemUTC()),
            List.of(),
            new TraceParents(Tracer.NOOP, Propagator.NOOP));

    @BeforeEach
    void anEditorCalls() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("editor@alameda")
                .claim("roles", List.of("LCSA_EDITOR"))
                .claim("lcsa", "ALAMEDA")
                .claim("azp", "cms")
                .issuedAt(Instant.now())
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    @AfterEach
    void nobodyCalls() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCallerKeyVersionAndCorrelationIdTravelAsMetadata() {
        request.addHeader("Idempotency-Key", "k-1");
        request.addHeader("If-Match", "W/\"7\"");
        request.addHeader("X-Correlation-Id", "trace-1");

        RequestContext context = contexts.current(Map.of("a", 1));

        assertThat(context.metaData())
                .containsEntry("subject", "editor@alameda")
                .containsEntry("lcsa", "ALAMEDA")
                .containsEntry(CommandContext.IDEMPOTENCY_KEY, "k-1")
                .containsEntry(CommandContext.EXPECTED_VERSION, 7L)
                .containsEntry(CommandContext.TRACE_ID, "trace-1");
        assertThat(context.requestHash()).hasSize(64);
    }

    @Test
    void withoutAKeyTheRequestIsNotHashedAndACorrelationIdIsMade() {
        RequestContext context = contexts.current(Map.of("a", 1));

        assertThat(context.requestHash()).isNull();
        assertThat(context.traceId()).isNotBlank();
        assertThat(context.expectedVersion()).isNull();
    }

    @Test
    void anIfMatchThatIsNoVersionIsRefusedNamingTheHeader() {
        request.addHeader("If-Match", "version three");

        assertThatThrownBy(() -> contexts.current(Map.of()))
                .isInstanceOf(InvalidRequestValue.class)
                .hasMessageContaining("plan version");
    }
}

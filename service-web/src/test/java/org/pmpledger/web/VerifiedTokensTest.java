package org.pmpledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    /** Stands for the issuer's checks: counts its calls; "good-*" tokens verify, and expire at {@link #expiresAt}. */
    private final List<String> checked = new ArrayList<>();

    private Instant expiresAt = NOW.plus(Duration.ofHours(1));
    private final JwtDecoder verifier = token -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        if (!this.clock.instant().isBefore(expiresAt.plusSeconds(60))) {
            throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token", "expired", null)));
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject(token)
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiresAt)
                .build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("good-a");
        Jwt second = tokens.decode("good-a");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("good-a");
    }

    @Test
    void eachTokenTextIsVerifiedOnItsOwn() {
        tokens.decode("good-a");
        tokens.decode("good-b");

        assertThat(checked).containsExactly("good-a", "good-b");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aKeptTokenPastItsExpiryIsVerifiedAgainAndRefused() {
        expiresAt = NOW.plus(Duration.ofMinutes(2));
        tokens.decode("good-a");
        clock.now = NOW.plus(Duration.ofMinutes(4)); // past exp and the 60 s skew allowed

        assertThatThrownBy(() -> tokens.decode("good-a")).isInstanceOf(JwtValidationException.class);
        assertThat(checked).containsExactly("good-a", "good-a");
    }

    @Test
    void aKeptTokenIsVerifiedAgainAfterFiveMinutes() {
        tokens.decode("good-a");
        clock.now = NOW.plus(VerifiedTokens.MAX_AGE).plusSeconds(1);
        tokens.decode("good-a");

        assertThat(checked).containsExactly("good-a", "good-a");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenWhoseClaimsDoNotFitWhereTheyAreKeptIsRefusedAndNeverKept() {
        JwtDecoder longSubjects = token -> Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("s".repeat(256))
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiresAt)
                .build();
        VerifiedTokens bounded = new VerifiedTokens(longSubjects, clock);

        assertThatThrownBy(() -> bounded.decode("good-long"))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("sub");
    }

    @Test
    void aTokenNamingAnAgencyLongerThanAnyIsRefused() {
        JwtDecoder longAgency = token -> Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("s")
                .claim("lcsa", "A".repeat(65))
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiresAt)
                .build();

        assertThatThrownBy(() -> new VerifiedTokens(longAgency, clock).decode("good-agency"))
                .isInstanceOf(BadJwtException.class);
    }
}

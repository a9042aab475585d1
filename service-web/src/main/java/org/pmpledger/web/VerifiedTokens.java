package org.pmpledger.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Tokens already verified, kept by their exact text: an upstream app sends the same bearer token with many
 * requests, and checking its signature and claims again each time was a fifth of a command's CPU in the
 * benchmark's profile. The same text carries the same signature and claims, so only time can make a verified
 * token invalid: a kept token is checked again for expiry and not-before on every use, and verified anew after
 * {@link #MAX_AGE} (so a key the issuer withdraws stops being trusted within that time). At most
 * {@link #CAPACITY} tokens, least recently used dropped first. A token that fails verification is never kept.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 1024;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant verifiedAt) {
    }

    private final JwtDecoder verifier;
    private final Clock clock;
    private final OAuth2TokenValidator<Jwt> stillInTime;
    private final Map<String, Verified> verified = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CAPACITY;
        }
    };

    public VerifiedTokens(JwtDecoder verifier) {
        this(verifier, Clock.systemUTC());
    }

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.stillInTime = timestamps;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null && now.isBefore(known.verifiedAt().plus(MAX_AGE))
                && !stillInTime.validate(known.jwt()).hasErrors()) {
            return known.jwt();
        }
        Jwt jwt = verifier.decode(token);
        synchronized (verified) {
            verified.put(token, new Verified(jwt, now));
        }
        return jwt;
    }
}

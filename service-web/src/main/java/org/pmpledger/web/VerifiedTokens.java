package org.pmpledger.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Tokens already verified, kept by their exact text: an upstream app sends the same bearer token with many
 * requests, and checking its signature and claims again each time would cost more than the rest of the request's
 * security. The same text carries the same signature and claims, so only time can make a verified
 * token invalid: a kept token is checked again for expiry and not-before on every use, and verified anew after
 * {@link #MAX_AGE} (so a key the issuer withdraws stops being trusted within that time). At most
 * {@link #CAPACITY} tokens, least recently used dropped first. A token that fails verification is never kept.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 1024;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant verifiedAt) {}

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

    /**
     * The claims the services store with every event and compare (subject and client up to 255 characters, agency and
     * region up to 64, at most 20 roles) fit where they are kept; a token whose claims do not is refused (401).
     */
    static void requireBoundedClaims(Jwt jwt) {
        bounded(jwt, JwtClaimNames.SUB, 255);
        bounded(jwt, "azp", 255);
        bounded(jwt, "client_id", 255);
        bounded(jwt, Caller.LCSA, 64);
        bounded(jwt, Caller.REGION, 64);
        if (jwt.getClaim(Caller.ROLES) instanceof Collection<?> roles && roles.size() > 20) {
            throw new BadJwtException("the token names more than 20 roles");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new BadJwtException("the token has no subject (sub)");
        }
    }

    private static void bounded(Jwt jwt, String claim, int length) {
        Object value = jwt.getClaims().get(claim);
        if (value != null && String.valueOf(value).length() > length) {
            throw new BadJwtException("the token's " + claim + " claim is longer than " + length + " characters");
        }
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null
                && now.isBefore(known.verifiedAt().plus(MAX_AGE))
                && !stillInTime.validate(known.jwt()).hasErrors()) {
            return known.jwt();
        }
        Jwt jwt = verifier.decode(token);
        requireBoundedClaims(jwt);
        synchronized (verified) {
            verified.put(token, new Verified(jwt, now));
        }
        return jwt;
    }
}

package org.pmpledger.web.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.web.Caller;
import org.pmpledger.web.LocalKeys;
import org.pmpledger.web.Loopback;
import org.pmpledger.web.RequestRefused;
import org.pmpledger.web.Role;

/**
 * Tokens for trying the system locally, signed with the key made at first start in the local data
 * folder, on either service (the dashboard's identity picker asks the service that serves it). Exists only in the
 * {@code local} profile, and answers only callers on this machine.
 */
@RestController
@Profile("local")
@Tag(name = "Local development", description = "Only in the local profile, only from loopback")
class DevTokenController {

    private static final Duration LIFETIME = Duration.ofHours(8);

    /** A token's lifetime is checked against the wall clock, whatever demo instant a request asks for. */
    private final Clock wall = Clock.systemUTC();

    /** The local key is read (or made) at the first token, not at start: both services start at once. */
    private final SingletonSupplier<RSAKey> key;

    private final SingletonSupplier<JwtEncoder> encoder;

    DevTokenController(@Value("${pmp.security.local-key-dir}") Path keyDirectory) {
        this.key = SingletonSupplier.of(() -> LocalKeys.loadOrCreate(keyDirectory));
        this.encoder =
                SingletonSupplier.of(() -> new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.obtain()))));
    }

    record TokenRequest(
            @NotBlank @Size(max = 255) String sub,
            @NotEmpty @Size(max = 6) List<@NotNull Role> roles,
            @Size(max = 64) String lcsa,
            @Size(max = 64) String region,
            @Size(max = 255) String clientId) {}

    @PostMapping("/dev/tokens")
    @Operation(summary = "Mint a token for local use: {sub, roles[], lcsa?, region?} -> {access_token}")
    Map<String, Object> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        if (!Loopback.sent(request)) {
            throw RequestRefused.notAllowed("loopback-only", "Local tokens are handed out on loopback only.");
        }
        Instant now = wall.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(LocalKeys.ISSUER)
                .subject(body.sub())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim(Caller.ROLES, body.roles().stream().map(Role::name).toList())
                .claim("azp", body.clientId() == null ? "local-dev" : body.clientId());
        if (body.lcsa() != null) {
            claims.claim(Caller.LCSA, body.lcsa());
        }
        if (body.region() != null) {
            claims.claim(Caller.REGION, body.region());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(key.obtain().getKeyID())
                .build();
        String token = encoder.obtain()
                .encode(JwtEncoderParameters.from(header, claims.build()))
                .getTokenValue();
        return Map.of("access_token", token, "token_type", "Bearer", "expires_in", LIFETIME.toSeconds());
    }
}

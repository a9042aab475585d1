package org.pmpledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.pmpledger.web.LocalKeys;

/**
 * Mints JWTs the services accept: the key is a {@link LocalKeys} folder that the services trust
 * through {@code pmp.security.local-key-dir}.
 */
public final class TestTokens {

    private final Path keyDirectory;
    private final RSAKey key;

    private TestTokens(Path keyDirectory, RSAKey key) {
        this.keyDirectory = keyDirectory;
        this.key = key;
    }

    public static TestTokens inNewKeyDirectory() {
        try {
            Path dir = Files.createTempDirectory("pmp-keys");
            return new TestTokens(dir, LocalKeys.loadOrCreate(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path keyDirectory() {
        return keyDirectory;
    }

    public String stateAdmin() {
        return token("state-admin@dcss", List.of("STATE_ADMIN"), null, null);
    }

    public String lcsaEditor(String lcsa) {
        return token("editor@" + lcsa.toLowerCase(), List.of("LCSA_EDITOR"), lcsa, null);
    }

    public String analyst() {
        return token("analyst@dcss", List.of("ANALYST"), null, null);
    }

    public String token(String subject, List<String> roles, String lcsa, String region) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(LocalKeys.ISSUER)
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Clock.systemUTC().instant().plusSeconds(3600)))
                .claim("roles", roles)
                .claim("azp", "test-client");
        if (lcsa != null) {
            claims.claim("lcsa", lcsa);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        return sign(claims.build());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}

package org.pmpledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** With an audience configured, a token not meant for it is refused, also by a local installation's key. */
class LocalTokensAudienceTest {

    private final Path keys = tempKeys();
    private final RSAKey key = LocalKeys.loadOrCreate(keys);

    private static Path tempKeys() {
        try {
            return Files.createTempDirectory("pmp-audience");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token(List<String> audience) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(LocalKeys.ISSUER)
                .subject("someone")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
        if (!audience.isEmpty()) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenWithoutTheRequiredAudienceIsRefused() throws Exception {
        JwtDecoder decoder = new ServiceSecurity().localKeyJwtDecoder(keys, List.of("pmp-ledger"));

        assertThatThrownBy(() -> decoder.decode(token(List.of()))).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token(List.of("another-api"))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenForTheRequiredAudienceIsAccepted() throws Exception {
        JwtDecoder decoder = new ServiceSecurity().localKeyJwtDecoder(keys, List.of("pmp-ledger"));

        assertThat(decoder.decode(token(List.of("pmp-ledger"))).getSubject()).isEqualTo("someone");
    }

    @Test
    void withNoAudienceConfiguredAnyAudienceIsAccepted() throws Exception {
        JwtDecoder decoder = new ServiceSecurity().localKeyJwtDecoder(keys, List.of());

        assertThat(decoder.decode(token(List.of())).getSubject()).isEqualTo("someone");
    }
}

package org.pmpledger.query.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import org.pmpledger.web.RequestRefused;

/** Which agencies' plans a read shows its caller. */
class ReadScopeTest {

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    private static void callerIs(List<String> roles, String lcsa) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject("someone")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .claim("roles", roles);
        if (lcsa != null) {
            jwt.claim("lcsa", lcsa);
        }
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build()));
    }

    @Test
    void aStatewideReaderSeesEveryAgencyOrTheOneItAsksFor() {
        callerIs(List.of("ANALYST"), null);

        assertThat(ReadScope.of(null)).isEqualTo(new ReadScope(false, null));
        assertThat(ReadScope.of("KERN")).isEqualTo(new ReadScope(false, "KERN"));
    }

    @Test
    void anAgencyRoleSeesItsOwnAgencyOnly() {
        callerIs(List.of("LCSA_EDITOR"), "KERN");

        assertThat(ReadScope.of(null)).isEqualTo(new ReadScope(false, "KERN"));
        assertThat(ReadScope.of("KERN")).isEqualTo(new ReadScope(false, "KERN"));
    }

    @Test
    void anAgencyRoleAskingForAnotherAgencySeesNothing() {
        callerIs(List.of("LCSA_EDITOR"), "KERN");

        assertThat(ReadScope.of("FRESNO").none()).isTrue();
    }

    @Test
    void anAgencyRoleWithoutAnAgencySeesNothing() {
        callerIs(List.of("LCSA_EDITOR"), null);

        assertThat(ReadScope.of(null).none()).isTrue();
    }

    @Test
    void readingAPlanOfAnotherAgencyIsRefusedNamingTheRule() {
        callerIs(List.of("LCSA_EDITOR"), "KERN");

        ReadScope.requireReads("KERN");
        assertThatThrownBy(() -> ReadScope.requireReads("FRESNO"))
                .isInstanceOfSatisfying(RequestRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(RequestRefused.Kind.NOT_ALLOWED);
                    assertThat(refused.rule()).isEqualTo("own-agency-only");
                });
    }
}

package org.pmpledger.command.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * The local profile's conveniences: tokens from /dev/tokens, and commands decided at a demo instant. The profile makes
 * a context of its own on the shared database and topic, whose publisher would otherwise run beside the shared
 * context's for the rest of the tests: it is closed after these.
 */
@ActiveProfiles("local")
@DirtiesContext
class LocalProfileTest extends CommandServiceTest {

    @Autowired
    DSLContext db;

    private String localToken(Map<String, Object> request) {
        Answer minted = api().post("/dev/tokens", null, request);
        assertThat(minted.status()).isEqualTo(200);
        return minted.body().get("access_token").asString();
    }

    @Test
    void devTokensAreHandedOutOnLoopbackAndAccepted() {
        String admin = localToken(Map.of("sub", "local-admin", "roles", List.of("STATE_ADMIN")));

        Answer opened = api().post("/api/v1/cycles", admin, Ffy2022.openCycle(2081));

        assertThat(opened.status()).isEqualTo(201);
    }

    @Test
    void commandIsDecidedAtTheDemoInstantItCarries() {
        String admin = localToken(Map.of("sub", "local-admin", "roles", List.of("STATE_ADMIN")));
        String editor = localToken(Map.of("sub", "local-editor", "roles", List.of("LCSA_EDITOR"), "lcsa", "NAPA"));
        api().post("/api/v1/cycles", admin, Ffy2022.openCycle(2082), Map.of("X-Demo-Instant", "2081-08-01T17:00:00Z"));
        String plan = api().post("/api/v1/plans", editor, Map.of("ffy", 2082, "lcsa", "NAPA"))
                .body()
                .get("id")
                .asString();
        api().post("/api/v1/plans/" + plan + "/entries", editor, Ffy2022.entryForInitiative1());

        Answer submitted = api().post(
                        "/api/v1/plans/" + plan + "/submission",
                        editor,
                        null,
                        Map.of("X-Demo-Instant", "2081-09-18T17:00:00Z"));

        assertThat(submitted.status()).isEqualTo(200);
        String payload = new String(
                db.select(DOMAIN_EVENT_ENTRY.PAYLOAD)
                        .from(DOMAIN_EVENT_ENTRY)
                        .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plan))
                        .and(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(2L))
                        .fetchOne(DOMAIN_EVENT_ENTRY.PAYLOAD),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"late\":true", "\"daysLate\":3", "\"submittedAt\":\"2081-09-18T17:00:00Z\"");
    }

    /**
     * Requests sent at once may be decided together, on one of their threads: each is still decided at its own demo
     * instant.
     */
    @Test
    void concurrentCommandsAreEachDecidedAtTheirOwnDemoInstant() throws Exception {
        String admin = localToken(Map.of("sub", "local-admin", "roles", List.of("STATE_ADMIN")));
        String app = localToken(Map.of("sub", "local-app", "roles", List.of("SERVICE", "STATE_ADMIN"), "lcsa", "*"));
        api().post("/api/v1/cycles", admin, Ffy2022.openCycle(2091), Map.of("X-Demo-Instant", "2090-08-01T17:00:00Z"));
        List<String> agencies =
                List.of("ALAMEDA", "BUTTE", "CONTRA_COSTA", "DEL_NORTE", "EL_DORADO", "FRESNO", "GLENN", "KERN");
        List<String> plans = new ArrayList<>();
        for (String lcsa : agencies) {
            String plan = api().post("/api/v1/plans", app, Map.of("ffy", 2091, "lcsa", lcsa))
                    .body()
                    .get("id")
                    .asString();
            api().post("/api/v1/plans/" + plan + "/entries", app, Ffy2022.entryForInitiative1());
            plans.add(plan);
        }

        List<Integer> statuses = allAtOnce(
                plans.size(),
                i -> api().post(
                                "/api/v1/plans/" + plans.get(i) + "/submission",
                                app,
                                null,
                                Map.of("X-Demo-Instant", "2090-09-1" + i + "T17:00:00Z"))
                        .status());

        assertThat(statuses).containsOnly(200);
        for (int i = 0; i < plans.size(); i++) {
            String payload = new String(
                    db.select(DOMAIN_EVENT_ENTRY.PAYLOAD)
                            .from(DOMAIN_EVENT_ENTRY)
                            .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(plans.get(i)))
                            .and(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(2L))
                            .fetchOne(DOMAIN_EVENT_ENTRY.PAYLOAD),
                    StandardCharsets.UTF_8);
            assertThat(payload).contains("\"submittedAt\":\"2090-09-1" + i + "T17:00:00Z\"");
        }
    }

    @Test
    void unreadableDemoInstantIs400() {
        String admin = localToken(Map.of("sub", "local-admin", "roles", List.of("STATE_ADMIN")));

        Answer answer =
                api().post("/api/v1/cycles", admin, Ffy2022.openCycle(2083), Map.of("X-Demo-Instant", "yesterday"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("X-Demo-Instant");
    }

    @Test
    void aRequestAProxySaysItForwardsGetsNoLocalToken() {
        Answer answer = api().post(
                        "/dev/tokens",
                        null,
                        Map.of("sub", "someone", "roles", List.of("STATE_ADMIN")),
                        Map.of("X-Forwarded-For", "203.0.113.9"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}

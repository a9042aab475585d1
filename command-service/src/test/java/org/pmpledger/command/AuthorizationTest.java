package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * Every role against every command family, over HTTP: who is refused with 403 (and nothing stored),
 * who gets past authorization (to the command's other rules). The plan is ALAMEDA's (Northern region),
 * submitted, in Q1 of FFY 2026.
 */
class AuthorizationTest extends CommandServiceTest {

    /** The command families of API.md. */
    enum Family {
        OPEN_CYCLE,
        AGENCY_VALUES,
        DRAFT_PLAN,
        ENTRIES,
        TACTICS,
        SUBMIT,
        REVIEW,
        PROGRESS,
        FINAL_RESULTS
    }

    private static final int FFY = 2026;
    private static String plan;
    private static String entry;
    private static String tactic;

    /** Who may do what (the rest: 403). */
    static Stream<Arguments> rolesAndFamilies() {
        Map<String, Set<Family>> allowed = Map.of(
                "STATE_ADMIN", EnumSet.of(Family.OPEN_CYCLE, Family.AGENCY_VALUES),
                "LCSA_EDITOR of ALAMEDA",
                        EnumSet.of(
                                Family.DRAFT_PLAN,
                                Family.ENTRIES,
                                Family.TACTICS,
                                Family.SUBMIT,
                                Family.PROGRESS,
                                Family.FINAL_RESULTS),
                "LCSA_EDITOR of KERN", EnumSet.noneOf(Family.class),
                "REGIONAL_ADMIN of Northern", EnumSet.of(Family.REVIEW),
                "REGIONAL_ADMIN of Southern", EnumSet.noneOf(Family.class),
                "ANALYST", EnumSet.noneOf(Family.class),
                "AUDITOR", EnumSet.noneOf(Family.class),
                "SERVICE for ALAMEDA",
                        EnumSet.of(
                                Family.DRAFT_PLAN,
                                Family.ENTRIES,
                                Family.TACTICS,
                                Family.SUBMIT,
                                Family.PROGRESS,
                                Family.FINAL_RESULTS),
                "SERVICE for * without STATE_ADMIN", EnumSet.noneOf(Family.class),
                "SERVICE for * with STATE_ADMIN", EnumSet.complementOf(EnumSet.of(Family.REVIEW)));
        return allowed.entrySet().stream()
                .flatMap(role -> Stream.of(Family.values())
                        .map(family -> Arguments.of(
                                role.getKey(), family, role.getValue().contains(family))));
    }

    private static String token(String role) {
        return switch (role) {
            case "STATE_ADMIN" -> TOKENS.stateAdmin();
            case "LCSA_EDITOR of ALAMEDA" -> TOKENS.lcsaEditor("ALAMEDA");
            case "LCSA_EDITOR of KERN" -> TOKENS.lcsaEditor("KERN");
            case "REGIONAL_ADMIN of Northern" -> TOKENS.token("ra-n", List.of("REGIONAL_ADMIN"), null, "Northern");
            case "REGIONAL_ADMIN of Southern" -> TOKENS.token("ra-s", List.of("REGIONAL_ADMIN"), null, "Southern");
            case "ANALYST" -> TOKENS.analyst();
            case "AUDITOR" -> TOKENS.token("auditor", List.of("AUDITOR"), null, null);
            case "SERVICE for ALAMEDA" -> TOKENS.token("alameda-cms", List.of("SERVICE"), "ALAMEDA", null);
            case "SERVICE for * without STATE_ADMIN" -> TOKENS.token("feed", List.of("SERVICE"), "*", null);
            case "SERVICE for * with STATE_ADMIN" ->
                TOKENS.token("state-feed", List.of("SERVICE", "STATE_ADMIN"), "*", null);
            default -> throw new IllegalArgumentException(role);
        };
    }

    @BeforeEach
    void submittedPlanInQ1() {
        CLOCK.set("2025-11-15T18:00:00Z");
        if (plan != null) {
            return;
        }
        api().post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY));
        String editor = TOKENS.lcsaEditor("ALAMEDA");
        plan = api().post("/api/v1/plans", editor, Map.of("ffy", FFY, "lcsa", "ALAMEDA"))
                .body()
                .get("id")
                .asString();
        entry = api().post("/api/v1/plans/" + plan + "/entries", editor, Ffy2022.entryForInitiative1())
                .body()
                .get("id")
                .asString();
        tactic = api().post(
                        "/api/v1/plans/" + plan + "/tactics",
                        editor,
                        Map.of(
                                "entryId",
                                entry,
                                "title",
                                "Tactic",
                                "leads",
                                List.of("Lead"),
                                "projectedCompletion",
                                "2026-03-31"))
                .body()
                .get("id")
                .asString();
        assertThat(api().post("/api/v1/plans/" + plan + "/submission", editor, null)
                        .status())
                .isEqualTo(200);
    }

    /**
     * What an allowed call meets past authorization, on this submitted plan: success, or the business rule the plan's
     * state decides (the plan exists, is under review, is not approved yet; a second call repeats the first's effect).
     */
    private static final Map<Family, Set<String>> ALLOWED = Map.of(
            Family.OPEN_CYCLE, Set.of("201", "/problems/already-exists"),
            Family.AGENCY_VALUES, Set.of("200"),
            Family.DRAFT_PLAN, Set.of("/problems/one-plan-per-agency-and-year"),
            Family.ENTRIES, Set.of("/problems/submitted-plan-is-under-review"),
            Family.TACTICS, Set.of("200", "/problems/tactic-status-changes"),
            Family.SUBMIT, Set.of("/problems/only-draft-or-returned-plan-is-submitted"),
            Family.REVIEW, Set.of("200"),
            Family.PROGRESS, Set.of("200"),
            Family.FINAL_RESULTS, Set.of("/problems/final-results-of-approved-plan"));

    /** The rule that refuses a caller of each family. */
    private static final Map<Family, String> REFUSED_BY = Map.of(
            Family.OPEN_CYCLE, "/problems/state-admin-opens-cycles",
            Family.AGENCY_VALUES, "/problems/state-admin-records-agency-values",
            Family.DRAFT_PLAN, "/problems/own-agency-only",
            Family.ENTRIES, "/problems/own-agency-only",
            Family.TACTICS, "/problems/own-agency-only",
            Family.SUBMIT, "/problems/own-agency-only",
            Family.REVIEW, "/problems/regional-admin-of-the-plans-region",
            Family.PROGRESS, "/problems/own-agency-only",
            Family.FINAL_RESULTS, "/problems/own-agency-only");

    @Autowired
    DSLContext db;

    @ParameterizedTest(name = "{0} / {1}: allowed {2}")
    @MethodSource("rolesAndFamilies")
    void roleIsAllowedOnlyTheCommandsOfItsRole(String role, Family family, boolean allowed) {
        int eventsBefore = db.fetchCount(DOMAIN_EVENT_ENTRY);

        Answer answer = send(family, token(role));

        if (allowed) {
            String outcome = answer.status() / 100 == 2
                    ? String.valueOf(answer.status())
                    : answer.body().get("type").asString();
            assertThat(outcome).as(answer.response().body()).isIn(ALLOWED.get(family));
        } else {
            assertThat(answer.status()).as(answer.response().body()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("type").asString()).isEqualTo(REFUSED_BY.get(family));
            assertThat(db.fetchCount(DOMAIN_EVENT_ENTRY)).as("nothing stored").isEqualTo(eventsBefore);
        }
    }

    private Answer send(Family family, String token) {
        String plans = "/api/v1/plans/" + plan;
        return switch (family) {
            case OPEN_CYCLE -> api().post("/api/v1/cycles", token, Ffy2022.openCycle(FFY + 20));
            case AGENCY_VALUES ->
                api().post(
                                "/api/v1/cycles/" + FFY + "/agency-values",
                                token,
                                Map.of(
                                        "indicator",
                                        "SPM-7",
                                        "values",
                                        List.of(Map.of("lcsa", "ALAMEDA", "value", 95.1, "asOf", "2025-09-30"))));
            case DRAFT_PLAN -> api().post("/api/v1/plans", token, Map.of("ffy", FFY, "lcsa", "ALAMEDA"));
            case ENTRIES -> api().post(plans + "/entries", token, Ffy2022.entryForInitiative1());
            case TACTICS -> api().post(plans + "/tactics/" + tactic + "/status", token, Map.of("status", "ON_HOLD"));
            case SUBMIT -> api().post(plans + "/submission", token, null);
            case REVIEW -> api().post(plans + "/comments", token, Map.of("comment", "Looks good"));
            case PROGRESS ->
                api().send(
                                "PUT",
                                plans + "/entries/" + entry + "/progress/Q1",
                                token,
                                Map.of("value", 60.5, "narrative", "Q1", "reason", "latest figures"),
                                Map.of());
            case FINAL_RESULTS -> api().post(plans + "/final-results", token, null);
        };
    }
}

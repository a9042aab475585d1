package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.TestTokens;

/**
 * A request for state assistance over HTTP across both services as shipped: raised by the agency, acknowledged and
 * escalated by the Regional Administrator of its region, responded to and resolved by DCSS Executive Staff; in the
 * report and the plan's audited history; refused as problem+json to another agency, another region, a second
 * resolution.
 */
class StateAssistanceIT {

    static final TestTokens TOKENS = Stack.TOKENS;
    static final String SOUTHERN_RA = TOKENS.token("ra@southern", List.of("REGIONAL_ADMIN"), null, "Southern");
    static final Clock WALL = Clock.systemUTC();
    static Stack stack;
    static ApiClient commands;
    static ApiClient queries;

    @BeforeAll
    static void bothServicesRunning() {
        stack = Stack.get();
        commands = stack.commands;
        queries = stack.queries;
    }

    private static String raised(String lcsa) {
        String planId = stack.draftPlan(TOKENS.lcsaEditor(lcsa), lcsa);
        Answer raised = commands.post(
                "/api/v1/plans/" + planId + "/assistance-requests",
                TOKENS.lcsaEditor(lcsa),
                Map.of(
                        "need", "Access to the statewide employer data match",
                        "from", "DCSS Technology Services Division",
                        "neededBy", LocalDate.now(WALL).plusDays(30).toString()));
        assertThat(raised.status()).as(raised.response().body()).isEqualTo(201);
        return planId + "/assistance-requests/" + raised.body().get("id").asString();
    }

    private static Answer step(String request, String step, String token, String note) {
        return commands.post(
                "/api/v1/plans/" + request + "/" + step, token, note == null ? Map.of() : Map.of("note", note));
    }

    @Test
    void aRequestGoesFromRaisedToResolvedAndShowsInTheReportAndTheHistory() {
        String request = raised("SAN_BERNARDINO");
        String planId = request.substring(0, request.indexOf('/'));

        assertThat(step(request, "acknowledgement", SOUTHERN_RA, null).status()).isEqualTo(200);
        assertThat(step(request, "escalation", SOUTHERN_RA, "Needs a data-sharing agreement")
                        .status())
                .isEqualTo(200);
        assertThat(step(request, "response", TOKENS.stateAdmin(), "Agreement drafted")
                        .status())
                .isEqualTo(200);
        Answer resolved = step(request, "resolution", TOKENS.stateAdmin(), "Agreement signed");
        assertThat(resolved.status()).as(resolved.response().body()).isEqualTo(200);

        JsonNode report = queries.get(
                        "/api/v1/assistance-requests?lcsa=SAN_BERNARDINO&minPosition="
                                + resolved.body().get("position").asLong(),
                        TOKENS.analyst())
                .body();
        assertThat(report.get("requests")).anySatisfy(r -> {
            assertThat(r.get("planId").asString()).isEqualTo(planId);
            assertThat(r.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(r.get("region").asString()).isEqualTo("Southern");
        });
        JsonNode history = commands.get("/api/v1/audit/plans/" + planId + "/events", TOKENS.stateAdmin())
                .body();
        assertThat(history.toString())
                .contains("pmp.plan.AssistanceRequested", "pmp.plan.AssistanceRequestAdvanced", "Agreement signed");
    }

    @Test
    void resolvingTwiceIsAProblem() {
        String request = raised("SAN_LUIS_OBISPO");
        step(request, "acknowledgement", SOUTHERN_RA, null);
        step(request, "escalation", SOUTHERN_RA, "Needs Executive Staff");
        step(request, "response", TOKENS.stateAdmin(), "Done");
        step(request, "resolution", TOKENS.stateAdmin(), "Closed");

        Answer again = step(request, "resolution", TOKENS.stateAdmin(), "Closed again");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body().get("type").asString()).endsWith("/problems/assistance-request-resolved-once");
    }

    @Test
    void anotherAgencyCannotRaiseARequestOnThePlan() {
        String planId = stack.draftPlan(TOKENS.lcsaEditor("IMPERIAL"), "IMPERIAL");

        Answer raised = commands.post(
                "/api/v1/plans/" + planId + "/assistance-requests",
                TOKENS.lcsaEditor("ORANGE"),
                Map.of("need", "Help", "from", "DCSS", "neededBy", "2099-01-01"));

        assertThat(raised.status()).isEqualTo(403);
        assertThat(raised.contentType()).startsWith("application/problem+json");
        assertThat(raised.body().get("type").asString()).endsWith("/problems/own-agency-only");
    }

    @Test
    void aRegionalAdministratorOfAnotherRegionCannotAcknowledge() {
        String request = raised("SANTA_BARBARA");

        Answer acknowledged = step(
                request,
                "acknowledgement",
                TOKENS.token("ra@northern", List.of("REGIONAL_ADMIN"), null, "Northern"),
                null);

        assertThat(acknowledged.status()).isEqualTo(403);
        assertThat(acknowledged.contentType()).startsWith("application/problem+json");
        assertThat(acknowledged.body().get("type").asString()).endsWith("/problems/regional-admin-of-the-plans-region");
    }
}

package org.pmpledger.command;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.dispatch.CommandDispatch;
import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.TestTokens;

/**
 * The command side's HTTP rules, on the web layer alone (no database, no broker, the dispatch a mock): who may call,
 * what a body must be, and how each kind of refusal of the domain is answered. Nothing reaches the dispatch unless
 * the request passes every rule.
 */
@WebMvcTest(
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.pmpledger\\.command\\.audit\\..*"))
class CommandHttpRulesTest {

    private static final TestTokens TOKENS = TestTokens.inNewKeyDirectory();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandDispatch dispatch;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("pmp.security.local-key-dir", () -> TOKENS.keyDirectory().toString());
    }

    private ResultActions send(String path, String token, Object body) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        return mvc.perform(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    @Test
    void aCommandWithoutATokenIs401ProblemJson() throws Exception {
        send("/api/v1/cycles", null, Ffy2022.openCycle(2099))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(dispatch);
    }

    @Test
    void aTokenNamingNoRoleOfTheApiIsRefused() throws Exception {
        send("/api/v1/cycles", TOKENS.token("nobody", List.of("GUEST"), null, null), Ffy2022.openCycle(2099))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(dispatch);
    }

    @Test
    void anInvalidDraftIs400NamingEachField() throws Exception {
        send("/api/v1/plans", TOKENS.lcsaEditor("KERN"), Map.of("lcsa", "kern county"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("ffy", "lcsa")));

        verifyNoInteractions(dispatch);
    }

    @Test
    void anUnreadableDateIs400NamingTheField() throws Exception {
        Map<String, Object> cycle = new HashMap<>(Ffy2022.openCycle(2098));
        cycle.put("planDueDate", "15/09/2097");

        send("/api/v1/cycles", TOKENS.stateAdmin(), cycle)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("planDueDate")));

        verifyNoInteractions(dispatch);
    }

    @Test
    void aFieldNoCommandKnowsIs400NamingIt() throws Exception {
        send("/api/v1/plans", TOKENS.lcsaEditor("KERN"), Map.of("ffy", 2022, "lcsa", "KERN", "status", "APPROVED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status")));

        verifyNoInteractions(dispatch);
    }

    @Test
    void aPlanIdThatIsNoUuidNamesNoPlan() throws Exception {
        send("/api/v1/plans/not-a-plan/submission", TOKENS.lcsaEditor("KERN"), Map.of())
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("planId")));

        verifyNoInteractions(dispatch);
    }

    @Test
    void devTokensDoNotExistOutsideTheLocalProfile() throws Exception {
        send("/dev/tokens", null, Map.of("sub", "x", "roles", List.of("STATE_ADMIN")))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "{0} is answered {1}")
    @CsvSource({"RULE, 422", "STATE, 409", "FORBIDDEN, 403", "VERSION, 412", "NOT_FOUND, 404"})
    void eachKindOfRefusalIsAnsweredWithItsStatusNamingTheRule(CommandRefused.Kind kind, int status) throws Exception {
        CommandRefused refused = refusal(kind);
        when(dispatch.change(any(), any())).thenThrow(refused);

        send("/api/v1/plans/" + UUID.randomUUID() + "/submission", TOKENS.lcsaEditor("KERN"), Map.of())
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + refused.rule()))
                .andExpect(jsonPath("$.detail").value(refused.getMessage()));
    }

    @Test
    void aRefusalNamesTheFieldsOfItsProblems() throws Exception {
        when(dispatch.change(any(), any()))
                .thenThrow(CommandRefused.rule("some-rule", "Refused.", new FieldProblem("target", "is too high")));

        send("/api/v1/plans/" + UUID.randomUUID() + "/submission", TOKENS.lcsaEditor("KERN"), Map.of())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("target"))
                .andExpect(jsonPath("$.errors[0].message").value("is too high"));
    }

    private static CommandRefused refusal(CommandRefused.Kind kind) {
        return switch (kind) {
            case RULE -> CommandRefused.rule("some-rule", "Refused.");
            case STATE -> CommandRefused.state("some-rule", "Refused.");
            case FORBIDDEN -> CommandRefused.forbidden("some-rule", "Refused.");
            case VERSION -> CommandRefused.version(7, 3);
            case NOT_FOUND -> CommandRefused.notFound("some-rule", "Refused.");
        };
    }
}

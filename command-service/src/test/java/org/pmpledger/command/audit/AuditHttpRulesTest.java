package org.pmpledger.command.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import org.pmpledger.testsupport.TestTokens;

/**
 * The audit endpoints' HTTP rules, on the web layer alone (the event store's readers are mocks): who reads the audit
 * log and who records a checkpoint, how a point in a plan's history is named, that every read is recorded before it
 * is answered, and that a refusal is problem+json whatever the reader accepts.
 */
@WebMvcTest(controllers = {PlanAuditController.class, LedgerAuditController.class})
class AuditHttpRulesTest {

    private static final TestTokens TOKENS = TestTokens.inNewKeyDirectory();
    private static final String AUDITOR = TOKENS.token("auditor@dcss", List.of("AUDITOR"), null, null);
    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlanHistory history;

    @MockitoBean
    PlanStates states;

    @MockitoBean
    ChainVerification verification;

    @MockitoBean
    ChainCheckpoints checkpoints;

    @MockitoBean
    AuditReads reads;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("pmp.security.local-key-dir", () -> TOKENS.keyDirectory().toString());
    }

    @Test
    void anAnalystIsRefusedTheAuditLogNamingTheRule() throws Exception {
        mvc.perform(get("/api/v1/audit/events").header("Authorization", "Bearer " + TOKENS.analyst()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/auditors-only"));

        verifyNoInteractions(history, reads);
    }

    @Test
    void onlyAStateAdminRecordsACheckpoint() throws Exception {
        mvc.perform(post("/api/v1/audit/checkpoints").header("Authorization", "Bearer " + AUDITOR))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/state-admin-records-checkpoints"));

        verifyNoInteractions(checkpoints);
    }

    @Test
    void everyAuditReadIsRecordedBeforeItIsAnswered() throws Exception {
        mvc.perform(get("/api/v1/audit/checkpoints").header("Authorization", "Bearer " + AUDITOR))
                .andExpect(status().isOk());

        verify(reads).record(any(), any());
    }

    @Test
    void aPlanWithoutEventsIsAProblemAlsoForAJsonLinesReader() throws Exception {
        mvc.perform(get("/api/v1/audit/plans/" + UUID.randomUUID() + "/events")
                        .header("Authorization", "Bearer " + AUDITOR)
                        .accept(JSON_LINES))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void aStateAskedAtNoPointIs400NamingTheField() throws Exception {
        mvc.perform(get("/api/v1/audit/plans/" + UUID.randomUUID() + "/state")
                        .header("Authorization", "Bearer " + AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/one-point-in-history"))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));

        verifyNoInteractions(states);
    }

    @Test
    void aDiffPointThatIsNeitherAVersionNorAnInstantIs400NamingTheField() throws Exception {
        mvc.perform(get("/api/v1/audit/plans/" + UUID.randomUUID() + "/diff")
                        .param("from", "yesterday")
                        .param("to", "3")
                        .header("Authorization", "Bearer " + AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/point-in-history"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));

        verifyNoInteractions(states);
    }
}

package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.pmpledger.testsupport.ApiClient.Answer;

/** A problem's type leads to a page naming its rule, the status it is answered with and how to change the request. */
class ProblemTypePagesTest extends CommandServiceTest {

    @Test
    void aRulesPageNamesItsStatusAndHowToChangeTheRequest() {
        Answer page = api().get("/problems/own-agency-only", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.response().body())
                .contains("own-agency-only")
                .contains("403 Forbidden")
                .contains("Call with a token of the plan&#39;s agency");
    }

    @Test
    void aRulesPageLoadsAndRunsNothing() {
        Answer page = api().get("/problems/own-agency-only", null);

        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'");
    }

    @Test
    void theIndexListsEveryRule() {
        Answer index = api().get("/problems", null);

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.response().body())
                .contains("href=\"/problems/version-must-match\"")
                .contains("href=\"/problems/database-busy\"");
    }

    @Test
    void aRefusalsTypeIsAPageOfTheCatalogue() {
        Answer refused = api().get("/api/v1/audit/verification", null);
        String type = refused.body().get("type").asString();

        assertThat(api().get(type, null).status()).isEqualTo(200);
    }

    @Test
    void anUnknownRuleIsNotFound() {
        assertThat(api().get("/problems/no-such-rule", null).status()).isEqualTo(404);
    }
}

package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * A client written from {@code ../shared/API.md} alone: every command of its table, with the body its table names
 * (the files under {@code contract/}, no extension field), in a plan's life order, is accepted.
 */
class ContractExamplesTest extends CommandServiceTest {

    private static final int FFY = 2041;

    private final Map<String, String> ids = new HashMap<>(Map.of("ffy", "" + FFY, "ffy-1", "" + (FFY - 1)));
    private final String editor = TOKENS.lcsaEditor("KERN");
    private final String southernRa = TOKENS.token("ra-south", List.of("REGIONAL_ADMIN"), null, "Southern");

    @Test
    void everyCommandOfTheContractIsAcceptedWithTheBodyItsTableNames() {
        CLOCK.set((FFY - 1) + "-08-04T16:00:00Z");
        send(201, "POST", "/api/v1/cycles", TOKENS.stateAdmin(), "open-cycle.json");
        send(200, "POST", "/api/v1/cycles/" + FFY + "/agency-values", TOKENS.stateAdmin(), "agency-values.json");

        CLOCK.set((FFY - 1) + "-08-20T17:00:00Z");
        String plan = "/api/v1/plans/"
                + send(201, "POST", "/api/v1/plans", editor, "draft-plan.json")
                        .get("id")
                        .asString();
        ids.put(
                "entryId",
                send(201, "POST", plan + "/entries", editor, "add-entry.json")
                        .get("id")
                        .asString());
        send(201, "POST", plan + "/entries", editor, "add-paternity-entry.json");
        String removed = send(201, "POST", plan + "/entries", editor, "add-entry-to-remove.json")
                .get("id")
                .asString();
        send(200, "PUT", plan + "/entries/" + ids.get("entryId") + "/measurement", editor, "revise-measurement.json");
        send(200, "POST", plan + "/entries/" + removed + "/removal", editor, "remove-entry.json");
        String tactic = send(201, "POST", plan + "/tactics", editor, "add-tactic.json")
                .get("id")
                .asString();
        send(200, "PUT", plan + "/tactics/" + tactic, editor, "revise-tactic.json");
        send(200, "POST", plan + "/tactics/" + tactic + "/status", editor, "change-tactic-status.json");
        String withdrawn = send(201, "POST", plan + "/tactics", editor, "add-tactic-to-withdraw.json")
                .get("id")
                .asString();
        send(200, "POST", plan + "/tactics/" + withdrawn + "/withdrawal", editor, "withdraw-tactic.json");

        CLOCK.set((FFY - 1) + "-09-10T17:00:00Z");
        send(200, "POST", plan + "/submission", editor, null);
        CLOCK.set((FFY - 1) + "-09-20T17:00:00Z");
        send(200, "POST", plan + "/review", southernRa, "review.json");

        CLOCK.set(FFY + "-01-20T17:00:00Z");
        String q1 = plan + "/entries/" + ids.get("entryId") + "/progress/Q1";
        send(200, "PUT", q1, editor, "record-progress.json");
        CLOCK.set(FFY + "-01-25T17:00:00Z");
        send(200, "PUT", q1, editor, "correct-progress.json");

        CLOCK.set(FFY + "-07-15T17:00:00Z");
        send(200, "POST", plan + "/final-results", editor, "final-results.json");
    }

    @Test
    void aCyclesQuarterDueDatesMayBeKeyedInLowerCaseToo() {
        CLOCK.set(FFY + "-08-04T16:00:00Z");
        ids.put("ffy", "" + (FFY + 1));
        ids.put("ffy-1", "" + FFY);
        String lowerCase = body("open-cycle.json")
                .replace("\"Q1\"", "\"q1\"")
                .replace("\"Q2\"", "\"q2\"")
                .replace("\"Q3\"", "\"q3\"")
                .replace("\"Q4\"", "\"q4\"");

        Answer opened = api().post("/api/v1/cycles", TOKENS.stateAdmin(), lowerCase);

        assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
    }

    private JsonNode send(int expected, String method, String path, String token, String file) {
        Answer answer = api().send(method, path, token, file == null ? null : body(file), Map.of());
        assertThat(answer.status())
                .as("%s %s with %s: %s", method, path, file, answer.response().body())
                .isEqualTo(expected);
        return answer.body();
    }

    private String body(String file) {
        try (InputStream in = ContractExamplesTest.class.getResourceAsStream("/contract/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> id : ids.entrySet()) {
                text = text.replace("${" + id.getKey() + "}", id.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

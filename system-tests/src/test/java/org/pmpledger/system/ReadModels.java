package org.pmpledger.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * The answer of every query endpoint for a cycle and each of its plans, as an analyst reads them: what a rebuild from
 * the topic must reproduce.
 */
final class ReadModels {

    /** What a read says of its own freshness, not of the ledger: left out of a comparison. */
    static final List<String> FRESHNESS = List.of("reflects", "appliedAt");

    private ReadModels() {}

    static Map<String, JsonNode> of(ApiClient queries, String token, int ffy, List<String> indicators) {
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/plans?ffy=" + ffy,
                "/api/v1/cycles/" + ffy + "/compliance",
                "/api/v1/cycles/" + ffy + "/initiatives",
                "/api/v1/cycles/" + ffy + "/tactics"));
        indicators.forEach(code -> paths.add("/api/v1/cycles/" + ffy + "/indicators/" + code + "/comparison"));
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : paths) {
            answers.put(path, read(queries, token, path));
        }
        for (JsonNode plan : listed(answers.get(paths.getFirst()))) {
            String path = "/api/v1/plans/" + plan.get("planId").asString();
            answers.put(path, read(queries, token, path));
        }
        return answers;
    }

    /** Every difference between two sets of answers, as path and place. */
    static List<String> differences(Map<String, JsonNode> actual, Map<String, JsonNode> expected) {
        List<String> differences = new ArrayList<>();
        if (!actual.keySet().equals(expected.keySet())) {
            differences.add("endpoints: " + actual.keySet() + " != " + expected.keySet());
        }
        actual.forEach((path, answer) -> {
            JsonNode other = expected.get(path);
            if (other != null) {
                JsonDifferences.between(answer, other, FRESHNESS).forEach(d -> differences.add(path + " " + d));
            }
        });
        return differences;
    }

    private static JsonNode read(ApiClient queries, String token, String path) {
        Answer answer = queries.get(path, token);
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": "
                    + answer.response().body());
        }
        return answer.body();
    }

    private static Iterable<JsonNode> listed(JsonNode plans) {
        return plans.get("items");
    }
}

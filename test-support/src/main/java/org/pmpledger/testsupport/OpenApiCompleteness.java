package org.pmpledger.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * What a client generated from a service's OpenAPI document needs of every operation of its API ({@code /api/...}):
 * a typed body for every JSON success (a schema with a name or properties, not a bare object; other media types as
 * given: CSV, JSON lines, bytes), the headers
 * every request may carry, and the problem answers it may meet, each application/problem+json of the Problem schema.
 * Answers the defects found, one line each; none when the document is complete.
 */
public final class OpenApiCompleteness {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final List<String> ALWAYS = List.of("400", "401", "403", "500", "503");
    private static final List<String> REQUEST_HEADERS = List.of("X-Correlation-Id", "traceparent");
    private static final List<String> COMMAND_PROBLEMS = List.of("409", "412", "422");
    private static final List<String> COMMAND_HEADERS = List.of("Idempotency-Key", "If-Match");

    private OpenApiCompleteness() {}

    /** Defects of every operation; {@code command} tells a command ({@code "POST /api/v1/plans"}) from a read. */
    public static List<String> defects(JsonNode document, Predicate<String> command) {
        List<String> defects = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().properties().forEach(entry -> {
                if (!METHODS.contains(entry.getKey())) {
                    return;
                }
                String operation = entry.getKey().toUpperCase() + " " + path.getKey();
                defects.addAll(defectsOf(operation, entry.getValue(), document, command.test(operation)));
            });
        });
        return defects;
    }

    private static List<String> defectsOf(String operation, JsonNode definition, JsonNode document, boolean command) {
        List<String> defects = new ArrayList<>();
        JsonNode responses = definition.get("responses");
        List<String> problems = new ArrayList<>(ALWAYS);
        if (operation.contains("{")) {
            problems.add("404");
        }
        if (definition.has("requestBody")) {
            problems.add("413");
            problems.add("415");
        }
        if (command) {
            problems.addAll(COMMAND_PROBLEMS);
        }
        for (String status : problems) {
            JsonNode problem = responses.path(status).path("content").path("application/problem+json");
            if (!problem.path("schema").path("$ref").asString("").endsWith("/Problem")) {
                defects.add(operation + ": no " + status + " problem answer");
            }
        }
        responses.properties().forEach(response -> {
            if (!response.getValue().path("headers").has("traceparent")) {
                defects.add(operation + ": the " + response.getKey() + " answer names no traceparent header");
            }
            if (response.getKey().startsWith("2") && !response.getKey().equals("204")) {
                JsonNode content = response.getValue().path("content");
                if (content.isEmpty()) {
                    defects.add(operation + ": the " + response.getKey() + " answer names no media type");
                } else if (content.has("*/*")) {
                    defects.add(operation + ": the " + response.getKey() + " answer's media type is */*");
                } else if (content.has("application/json")
                        && !typed(content.path("application/json").path("schema"), document)) {
                    defects.add(operation + ": the " + response.getKey() + " answer's body has no type");
                }
                if (content.has("application/problem+json")) {
                    defects.add(operation + ": the " + response.getKey() + " answer claims problem+json");
                }
            }
        });
        List<String> headers = new ArrayList<>();
        definition.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asString())) {
                headers.add(parameter.path("name").asString());
            }
        });
        List<String> expected = new ArrayList<>(REQUEST_HEADERS);
        if (command) {
            expected.addAll(COMMAND_HEADERS);
        }
        for (String header : expected) {
            if (!headers.contains(header)) {
                defects.add(operation + ": no " + header + " header");
            }
        }
        return defects;
    }

    /** A schema a client can type: a named one, an array of typed items, or an object with properties. */
    private static boolean typed(JsonNode schema, JsonNode document) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            JsonNode named = document.path("components").path("schemas").path(name);
            return named.has("properties") || named.has("items") || named.has("enum") || named.has("allOf");
        }
        if (schema.has("items")) {
            return typed(schema.get("items"), document);
        }
        return schema.has("properties");
    }
}

package org.pmpledger.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;

/**
 * Every endpoint of both services with a request it accepts, and the hostile variants of that request: each variant
 * changes one thing (a path segment, a query parameter, a header, the body or one field of it) into something no
 * endpoint may accept.
 */
final class HostileRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();
    /** Stands in a JSON tree for a token that is not JSON (NaN, Infinity): replaced in the written text. */
    private static final String RAW = "__raw__:";

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Fields whose text is a code or id of a fixed form: SQL- and formula-looking text is tried there. */
    private static final Set<String> CODES = Set.of(
            "lcsa",
            "indicator",
            "initiative",
            "code",
            "thresholdIndicator",
            "entryId",
            "planId",
            "quarter",
            "decision",
            "status",
            "unit",
            "direction",
            "required",
            "submissionRules");

    private static final String LONG_TEXT = "x".repeat(9_000);
    private static final String LONGER_THAN_ANY_STRING = "y".repeat(100_001);
    /** Stands for text with a lone surrogate, written as its JSON escape (UTF-8 cannot carry it). */
    private static final String LONE_SURROGATE = "__lone_surrogate__";

    /** One endpoint: its service, method, path, who may call it, and a request it accepts. */
    record Endpoint(
            String service,
            String method,
            String path,
            String token,
            JsonNode body,
            Map<String, String> query,
            String accept) {

        String operation() {
            return service + " " + method + " " + path;
        }

        @Override
        public String toString() {
            return operation() + (accept == null ? "" : " [" + accept + "]");
        }
    }

    /** A request on its way: what a hostile variant changes. */
    static final class Request {
        String method;
        Map<String, String> pathValues;
        Map<String, String> query;
        Map<String, String> headers = new LinkedHashMap<>();
        String body;
        String contentType = "application/json";
    }

    /** One hostile variant of an endpoint's request. */
    record Hostile(String what, UnaryOperator<Request> change) {

        @Override
        public String toString() {
            return what;
        }
    }

    private final Stack stack;
    private final Map<String, String> ids;
    private final List<Endpoint> endpoints;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HostileRequests(Stack stack, Map<String, String> ids, List<Endpoint> endpoints) {
        this.stack = stack;
        this.ids = ids;
        this.endpoints = endpoints;
    }

    /** A DRAFT plan of ALAMEDA with an entry and a tactic: the ids the endpoints' paths name. */
    static HostileRequests against(Stack stack) {
        String editor = Stack.TOKENS.lcsaEditor("ALAMEDA");
        String planId = stack.draftPlan(editor, "ALAMEDA");
        Answer entry =
                stack.commands.post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1());
        String entryId = entry.body().get("id").asString();
        Answer tactic = stack.commands.post(
                "/api/v1/plans/" + planId + "/tactics",
                editor,
                Map.of(
                        "entryId",
                        entryId,
                        "title",
                        "Tactic",
                        "leads",
                        List.of("Lead"),
                        "projectedCompletion",
                        "2022-06-30"));
        Answer checkpoint = stack.commands.post("/api/v1/audit/checkpoints", Stack.TOKENS.stateAdmin(), null);
        Answer request = stack.commands.post(
                "/api/v1/plans/" + planId + "/assistance-requests",
                editor,
                Map.of("need", "Help", "from", "DCSS", "neededBy", "2099-12-31"));
        Answer feed = stack.queries.post("/api/v1/feeds", editor, Map.of());
        String feedUrl = feed.body().get("url").asString();
        Map<String, String> ids = Map.ofEntries(
                Map.entry("planId", planId),
                Map.entry("entryId", entryId),
                Map.entry("tacticId", tactic.body().get("id").asString()),
                Map.entry("ffy", String.valueOf(Stack.FFY)),
                Map.entry("indicator", "SPM-2"),
                Map.entry("quarter", "Q1"),
                Map.entry("version", "1"),
                Map.entry("parkedId", "1"),
                Map.entry("checkpointId", checkpoint.body().get("checkpointId").asString()),
                Map.entry("requestId", request.body().get("id").asString()),
                Map.entry("feedId", feed.body().get("feedId").asString()),
                Map.entry("token", feedUrl.split("/")[4]),
                Map.entry("lcsa", "ALAMEDA"));
        return new HostileRequests(stack, ids, endpoints(planId, entryId));
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    private static List<Endpoint> endpoints(String planId, String entryId) {
        String admin = Stack.TOKENS.stateAdmin();
        String editor = Stack.TOKENS.lcsaEditor("ALAMEDA");
        String regional = Stack.TOKENS.token("ra-north", List.of("REGIONAL_ADMIN"), null, "Northern");
        String auditor = Stack.TOKENS.token("auditor", List.of("AUDITOR"), null, null);
        String analyst = Stack.TOKENS.analyst();
        String plans = "/api/v1/plans/{planId}";
        String audit = "/api/v1/audit";
        Map<String, String> none = Map.of();
        List<Endpoint> all = new ArrayList<>(List.of(
                command("POST", "/api/v1/cycles", admin, Ffy2022.openCycle(2150)),
                command(
                        "POST",
                        "/api/v1/cycles/{ffy}/agency-values",
                        admin,
                        Map.of(
                                "indicator",
                                "SPM-7",
                                "values",
                                List.of(Map.of("lcsa", "ALAMEDA", "value", 95.1, "asOf", "2021-09-30")))),
                command(
                        "POST",
                        "/api/v1/cycles/{ffy}/caseloads",
                        admin,
                        Map.of("caseloads", List.of(Map.of("lcsa", "ALAMEDA", "cases", 38_150, "asOf", "2021-09-30")))),
                command("POST", "/api/v1/plans", editor, Map.of("ffy", Stack.FFY, "lcsa", "ALAMEDA", "title", "Plan")),
                command("POST", plans + "/entries", editor, Ffy2022.entryForInitiative1()),
                command(
                        "PUT",
                        plans + "/entries/{entryId}/measurement",
                        editor,
                        Map.of("baseline", 60, "target", 65, "reason", "Recounted")),
                command("POST", plans + "/entries/{entryId}/removal", editor, Map.of("reason", "Merged")),
                command(
                        "POST",
                        plans + "/tactics",
                        editor,
                        Map.of(
                                "entryId",
                                entryId,
                                "title",
                                "Outreach",
                                "leads",
                                List.of("Lead"),
                                "description",
                                "Calls",
                                "projectedCompletion",
                                "2022-06-30",
                                "initiative",
                                "1")),
                command(
                        "PUT",
                        plans + "/tactics/{tacticId}",
                        editor,
                        Map.of(
                                "title",
                                "Outreach",
                                "leads",
                                List.of("Lead"),
                                "description",
                                "Calls",
                                "projectedCompletion",
                                "2022-07-31",
                                "reason",
                                "Later")),
                command(
                        "POST",
                        plans + "/tactics/{tacticId}/status",
                        editor,
                        Map.of("status", "COMPLETED", "actualCompletion", "2021-12-01", "comment", "Done")),
                command("POST", plans + "/tactics/{tacticId}/withdrawal", editor, Map.of("reason", "Dropped")),
                command("POST", plans + "/submission", editor, null),
                command("POST", plans + "/review", regional, Map.of("decision", "RETURN", "comments", "Revise goal 1")),
                command("POST", plans + "/comments", regional, Map.of("entryId", entryId, "comment", "Good")),
                command(
                        "POST",
                        plans + "/assistance-requests",
                        editor,
                        Map.of("entryId", entryId, "need", "Help", "from", "DCSS", "neededBy", "2099-12-31")),
                command("POST", plans + "/assistance-requests/{requestId}/acknowledgement", regional, null),
                command(
                        "POST",
                        plans + "/assistance-requests/{requestId}/escalation",
                        regional,
                        Map.of("note", "Needs Executive Staff")),
                command("POST", plans + "/assistance-requests/{requestId}/response", admin, Map.of("note", "Done")),
                command("POST", plans + "/assistance-requests/{requestId}/resolution", admin, Map.of("note", "Done")),
                command(
                        "POST",
                        plans + "/assistance-requests/{requestId}/comments",
                        editor,
                        Map.of("comment", "Thanks")),
                command(
                        "PUT",
                        plans + "/entries/{entryId}/progress/{quarter}",
                        editor,
                        Map.of("value", 60.5, "narrative", "First quarter", "reason", "Recount")),
                command("POST", plans + "/final-results", editor, Map.of("narrative", "Closing")),
                command(
                        "POST",
                        "/api/v1/progress-batches",
                        editor,
                        Map.of(
                                "items",
                                List.of(Map.of(
                                        "planId",
                                        planId,
                                        "entryId",
                                        entryId,
                                        "quarter",
                                        "Q1",
                                        "value",
                                        60.5,
                                        "narrative",
                                        "First quarter")))),
                new Endpoint(
                        "command",
                        "GET",
                        audit + "/plans/{planId}/events",
                        auditor,
                        null,
                        Map.of("page", "0", "size", "10"),
                        null),
                new Endpoint(
                        "command",
                        "GET",
                        audit + "/plans/{planId}/events",
                        auditor,
                        null,
                        none,
                        "application/x-ndjson"),
                new Endpoint(
                        "command", "GET", audit + "/plans/{planId}/state", auditor, null, Map.of("version", "1"), null),
                new Endpoint(
                        "command",
                        "GET",
                        audit + "/plans/{planId}/state",
                        auditor,
                        null,
                        Map.of("asOf", "2030-01-01T00:00:00Z"),
                        null),
                new Endpoint(
                        "command",
                        "GET",
                        audit + "/plans/{planId}/diff",
                        auditor,
                        null,
                        Map.of("from", "1", "to", "2"),
                        null),
                new Endpoint(
                        "command",
                        "GET",
                        audit + "/plans/{planId}/events/{version}/canonical",
                        auditor,
                        null,
                        none,
                        null),
                new Endpoint("command", "GET", audit + "/verification", auditor, null, Map.of("planId", planId), null),
                new Endpoint(
                        "command",
                        "GET",
                        audit + "/events",
                        auditor,
                        null,
                        Map.of(
                                "actor",
                                "someone",
                                "agency",
                                "ALAMEDA",
                                "type",
                                "pmp.plan.PlanDrafted",
                                "from",
                                "2020-01-01T00:00:00Z",
                                "to",
                                "2030-01-01T00:00:00Z",
                                "limit",
                                "10"),
                        null),
                new Endpoint(
                        "command",
                        "GET",
                        audit + "/events",
                        auditor,
                        null,
                        Map.of("agency", "ALAMEDA"),
                        "application/x-ndjson"),
                new Endpoint("command", "GET", audit + "/checkpoints", auditor, null, Map.of("limit", "10"), null),
                new Endpoint("command", "POST", audit + "/checkpoints", admin, null, none, null),
                new Endpoint("command", "GET", audit + "/checkpoints/{checkpointId}/heads", auditor, null, none, null),
                new Endpoint("command", "GET", audit + "/reads", auditor, null, Map.of("limit", "10"), null),
                new Endpoint("query", "GET", plans, analyst, null, Map.of("minVersion", "1"), null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/plans",
                        analyst,
                        null,
                        Map.of("ffy", "2022", "lcsa", "ALAMEDA", "status", "DRAFT", "minPosition", "0"),
                        null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/cycles/{ffy}/indicators/{indicator}/comparison",
                        analyst,
                        null,
                        Map.of("minPosition", "0"),
                        null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/cycles/{ffy}/compliance",
                        analyst,
                        null,
                        Map.of("minPosition", "0"),
                        null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/cycles/{ffy}/initiatives",
                        analyst,
                        null,
                        Map.of("minPosition", "0"),
                        null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/cycles/{ffy}/tactics",
                        analyst,
                        null,
                        Map.of(
                                "status",
                                "NOT_STARTED",
                                "overdue",
                                "false",
                                "initiative",
                                "1",
                                "lead",
                                "Lead",
                                "lcsa",
                                "ALAMEDA",
                                "minPosition",
                                "0"),
                        null),
                new Endpoint(
                        "query", "GET", "/api/v1/cycles/{ffy}/matrix", analyst, null, Map.of("minPosition", "0"), null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/assistance-requests",
                        analyst,
                        null,
                        Map.of(
                                "ffy",
                                "2022",
                                "region",
                                "Northern",
                                "lcsa",
                                "ALAMEDA",
                                "status",
                                "RAISED",
                                "open",
                                "true",
                                "minPosition",
                                "0"),
                        null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/due",
                        analyst,
                        null,
                        Map.of("lcsa", "ALAMEDA", "region", "Northern", "days", "30", "minPosition", "0"),
                        null),
                new Endpoint("query", "POST", "/api/v1/feeds", editor, null, none, null),
                new Endpoint("query", "GET", "/api/v1/feeds", editor, null, none, null),
                new Endpoint("query", "GET", "/api/v1/agencies", analyst, null, none, null),
                new Endpoint(
                        "query",
                        "GET",
                        "/api/v1/agencies/{lcsa}/indicators/{indicator}/trend",
                        analyst,
                        null,
                        Map.of("minPosition", "0"),
                        null),
                new Endpoint("query", "DELETE", "/api/v1/feeds/{feedId}", editor, null, none, null),
                new Endpoint("query", "GET", "/api/v1/feeds/{token}/due.ics", null, null, none, "text/calendar"),
                new Endpoint("query", "POST", "/api/v1/admin/rebuild", admin, null, none, null),
                new Endpoint("query", "GET", "/api/v1/admin/rebuild", admin, null, none, null),
                new Endpoint("query", "GET", "/api/v1/admin/parked", admin, null, Map.of("limit", "10"), null),
                new Endpoint("query", "POST", "/api/v1/admin/parked/{parkedId}/retry", admin, null, none, null),
                new Endpoint("query", "POST", "/api/v1/admin/parked/{parkedId}/release", admin, null, none, null)));
        return List.copyOf(all);
    }

    private static Endpoint command(String method, String path, String token, Map<String, ?> body) {
        return new Endpoint(
                "command", method, path, token, body == null ? null : JSON.valueToTree(body), Map.of(), null);
    }

    /** The operations a service's OpenAPI document lists: {@code <service> <METHOD> <path>}. */
    static Set<String> documentedEndpoints(String service, ApiClient api) {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(service + " " + operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        return operations;
    }

    // ---- the variants -------------------------------------------------------------------------------------------

    List<Hostile> cases(Endpoint endpoint) {
        List<Hostile> cases = new ArrayList<>();
        cases.add(new Hostile(
                "an Idempotency-Key of 101 characters", r -> header(r, "Idempotency-Key", "k".repeat(101))));
        cases.add(new Hostile(
                "an X-Correlation-Id with spaces and semicolons", r -> header(r, "X-Correlation-Id", "a b; c")));
        cases.add(new Hostile(
                "an X-Correlation-Id of 500 characters", r -> header(r, "X-Correlation-Id", "c".repeat(500))));
        String otherMethod = endpoint.method().equals("DELETE") ? "PATCH" : "DELETE";
        cases.add(new Hostile("method " + otherMethod, r -> {
            r.method = otherMethod;
            return r;
        }));
        cases.add(new Hostile("a body of 300 KB", r -> oversized(r, 300_000)));
        if (endpoint.path().equals("/api/v1/progress-batches")) {
            cases.add(new Hostile("a body of 4.3 MB", r -> oversized(r, 4_300_000)));
        }
        if (endpoint.method().equals("GET")) {
            cases.add(new Hostile("Accept: application/xml", r -> header(r, "Accept", "application/xml")));
        }
        if (endpoint.service().equals("command") && !endpoint.path().startsWith("/api/v1/audit")) {
            cases.add(new Hostile("If-Match: version three", r -> header(r, "If-Match", "version three")));
        }
        Matcher variables = VARIABLE.matcher(endpoint.path());
        while (variables.find()) {
            String name = variables.group(1);
            for (Map.Entry<String, String> value : hostilePathValues(name).entrySet()) {
                cases.add(new Hostile("path {" + name + "} = " + value.getKey(), r -> {
                    r.pathValues.put(name, value.getValue());
                    return r;
                }));
            }
        }
        for (String parameter : endpoint.query().keySet()) {
            for (Map.Entry<String, String> value : hostileQueryValues(parameter).entrySet()) {
                cases.add(new Hostile("query " + parameter + " = " + value.getKey(), r -> {
                    r.query.put(parameter, value.getValue());
                    return r;
                }));
            }
        }
        if (endpoint.body() != null) {
            cases.addAll(bodyCases(endpoint.body()));
        }
        return cases;
    }

    private static Map<String, String> hostilePathValues(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("an encoded slash", "..%2F..%2Fetc%2Fpasswd");
        values.put("a NUL character", "a%00b");
        values.put("a line feed", "a%0Ab");
        values.put("SQL", "%27%20OR%20%271%27%3D%271");
        values.put("a formula", "%3DHYPERLINK(%22http%3A%2F%2Fevil%22)");
        values.put("2,000 characters", "z".repeat(2_000));
        switch (name) {
            case "planId", "entryId", "tacticId" -> {
                values.put("a cycle's id", "cycle-2022");
                values.put("a UUID that names nothing", "00000000-0000-4000-8000-000000000000");
            }
            case "ffy" -> {
                values.put("text", "twenty");
                values.put("a year too far", "99999");
                values.put("a number beyond a long", "99999999999999999999");
            }
            case "version", "checkpointId", "parkedId" -> {
                values.put("zero", "0");
                values.put("negative", "-1");
                values.put("a number beyond a long", "99999999999999999999");
            }
            case "quarter" -> values.put("a fifth quarter", "Q5");
            default -> {}
        }
        return values;
    }

    private static Map<String, String> hostileQueryValues(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a NUL character", "a%00b");
        values.put("2,000 characters", "q".repeat(2_000));
        switch (name) {
            case "minPosition", "minVersion", "page", "size", "limit", "version" -> {
                if (name.equals("minPosition")) {
                    values.put("a position the ledger never gave", "900000000000");
                }
                values.put("negative", "-1");
                values.put("text", "abc");
                values.put("a number beyond a long", "99999999999999999999");
                values.put("a fraction", "1.5");
            }
            case "ffy" -> values.put("a year too far", "99999");
            case "from", "to", "asOf" -> {
                values.put("a year beyond any", "%2B999999999-12-31T23:59:59Z");
                values.put("the year 1800", "1800-01-01T00:00:00Z");
                values.put("a word", "yesterday");
            }
            case "planId" -> values.put("a cycle's id", "cycle-2022");
            case "lcsa" -> values.put("SQL", "%27%20OR%20%271%27%3D%271");
            case "status" -> values.put("an unknown status", "DELETED");
            case "overdue" -> values.put("maybe", "maybe");
            default -> {}
        }
        return values;
    }

    private static List<Hostile> bodyCases(JsonNode valid) {
        List<Hostile> cases = new ArrayList<>();
        String text = JSON.writeValueAsString(valid);
        cases.add(body("malformed JSON", text.substring(0, text.length() - 1)));
        cases.add(body("an empty object", "{}"));
        cases.add(body("an array", "[]"));
        cases.add(body("a bare string", "\"plan\""));
        cases.add(body("a field the request does not have", text.replaceFirst("\\{", "{\"vaule\":5,")));
        cases.add(body("a key twice", text.replaceFirst("\\{\"(\\w+)\":", "{\"$1\":null,\"$1\":")));
        cases.add(body(
                "nesting 100 deep", text.replaceFirst("\\{", "{\"deep\":" + "[".repeat(100) + "]".repeat(100) + ",")));
        cases.add(new Hostile("Content-Type text/plain", r -> {
            r.contentType = "text/plain";
            return r;
        }));
        cases.add(new Hostile("Content-Type application/xml", r -> {
            r.contentType = "application/xml";
            r.body = "<plan/>";
            return r;
        }));
        mutations(valid, "", null, cases, valid);
        return cases;
    }

    /** The variants of each field below {@code node} (the first item of each list stands for the others). */
    private static void mutations(JsonNode node, String path, String name, List<Hostile> cases, JsonNode root) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                leafOrList(field.getValue(), at, field.getKey(), cases, root);
                mutations(field.getValue(), at, field.getKey(), cases, root);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String at = path + "[0]";
            leafOrList(node.get(0), at, name, cases, root);
            mutations(node.get(0), at, name, cases, root);
        }
    }

    private static void leafOrList(JsonNode value, String at, String name, List<Hostile> cases, JsonNode root) {
        Map<String, JsonNode> variants = new LinkedHashMap<>();
        if (value.isNumber()) {
            variants.put("text", NODES.stringNode("12"));
            variants.put("1e200000", NODES.numberNode(new BigDecimal("1e200000")));
            variants.put("1e-200000", NODES.numberNode(new BigDecimal("1e-200000")));
            variants.put("a 24-digit number", NODES.numberNode(new BigInteger("123456789012345678901234")));
            variants.put("NaN", NODES.stringNode(RAW + "NaN"));
            variants.put("Infinity", NODES.stringNode(RAW + "Infinity"));
            variants.put("true", NODES.booleanNode(true));
        } else if (value.isString()) {
            variants.put("a number", NODES.numberNode(12345));
            variants.put("an object", NODES.objectNode());
            variants.put("9,000 characters", NODES.stringNode(LONG_TEXT));
            variants.put("100,001 characters", NODES.stringNode(LONGER_THAN_ANY_STRING));
            variants.put("a NUL character", NODES.stringNode("a\u0000b"));
            variants.put("an escape sequence", NODES.stringNode("\u001b[31mred"));
            variants.put("a lone surrogate", NODES.stringNode(LONE_SURROGATE));
            if (value.asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
                variants.put("the 45th of the 13th month", NODES.stringNode("2021-13-45"));
                variants.put("the year 999999999", NODES.stringNode("+999999999-12-31"));
                variants.put("the year 1899", NODES.stringNode("1899-12-31"));
                variants.put("an instant", NODES.stringNode("2021-09-30T00:00:00Z"));
            } else if (CODES.contains(name)) {
                variants.put("SQL", NODES.stringNode("' OR '1'='1"));
                variants.put("a formula", NODES.stringNode("=HYPERLINK(\"http://evil\")"));
                variants.put("a path", NODES.stringNode("../../etc/passwd"));
            }
        } else if (value.isArray()) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 5_000; i++) {
                many.add(value.isEmpty() ? NODES.stringNode("x") : value.get(0).deepCopy());
            }
            variants.put("5,000 items", many);
            variants.put("text", NODES.stringNode("x"));
            variants.put("a list of null", NODES.arrayNode().add(NODES.nullNode()));
        } else if (value.isObject()) {
            variants.put("text", NODES.stringNode("x"));
            variants.put("a list", NODES.arrayNode());
        }
        variants.forEach(
                (what, replacement) -> cases.add(body(at + " = " + what, written(replaced(root, at, replacement)))));
    }

    /** A copy of {@code root} with the value at {@code path} (a.b[0].c) replaced. */
    private static JsonNode replaced(JsonNode root, String path, JsonNode replacement) {
        JsonNode copy = root.deepCopy();
        String[] steps = path.replace("[", ".[").split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].startsWith("[") ? parent.get(0) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(0, replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        return copy;
    }

    private static String written(JsonNode body) {
        return JSON.writeValueAsString(body)
                .replaceAll("\"" + RAW + "(\\w+)\"", "$1")
                .replace(LONE_SURROGATE, "a\\ud800b");
    }

    private static Hostile body(String what, String body) {
        return new Hostile("body " + what, r -> {
            r.body = body;
            return r;
        });
    }

    private static Request header(Request request, String name, String value) {
        request.headers.put(name, value);
        return request;
    }

    private static Request oversized(Request request, int bytes) {
        String padding = "p".repeat(bytes);
        request.body = request.body == null
                ? "{\"padding\":\"" + padding + "\"}"
                : request.body.replaceFirst("\\{", "{\"padding\":\"" + padding + "\",");
        return request;
    }

    // ---- sending --------------------------------------------------------------------------------------------------

    Answer send(Endpoint endpoint, Hostile hostile) {
        Request request = new Request();
        request.method = endpoint.method();
        request.pathValues = new LinkedHashMap<>(ids);
        request.query = new LinkedHashMap<>(endpoint.query());
        request.body = endpoint.body() == null ? null : JSON.writeValueAsString(endpoint.body());
        if (endpoint.accept() != null) {
            request.headers.put("Accept", endpoint.accept());
        }
        hostile.change().apply(request);
        Matcher variables = VARIABLE.matcher(endpoint.path());
        String path = variables.replaceAll(match -> Matcher.quoteReplacement(request.pathValues.get(match.group(1))));
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : request.query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = "&";
        }
        ApiClient api = endpoint.service().equals("command") ? stack.commands : stack.queries;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.baseUrl() + uri))
                .timeout(Duration.ofSeconds(30))
                .method(
                        request.method,
                        request.body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body, StandardCharsets.UTF_8));
        if (endpoint.token() != null) {
            builder.header("Authorization", "Bearer " + endpoint.token());
        }
        if (request.body != null) {
            builder.header("Content-Type", request.contentType);
        }
        request.headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.contains("json") && !response.body().isBlank() ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(hostile + " on " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.pmpledger.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem ({@code application/problem+json}) straight to a servlet response, for refusals made before
 * Spring MVC runs: by the input limits, the security filters and firewall, the container's error pages. The body has
 * the shape of {@link ApiProblems#problem}.
 */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {}

    public static void write(
            HttpServletResponse response,
            HttpStatus status,
            String rule,
            String detail,
            List<Map<String, String>> errors)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(bytes(status, rule, detail, errors));
        response.flushBuffer();
    }

    static byte[] bytes(HttpStatus status, String rule, String detail, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + rule);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return JSON.writeValueAsBytes(problem);
    }
}

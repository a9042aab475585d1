package org.pmpledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a service over real HTTP, the way an upstream app does. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** An answer: status, headers and the body as JSON (null when empty). */
    public record Answer(int status, HttpResponse<String> response, JsonNode body) {

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Answer post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    public Answer post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        String content = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        request.method(
                method,
                content == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(content));
        if (content != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers()
                    .firstValue("Content-Type")
                    .map(type -> type.contains("json") && !type.contains("ndjson"))
                    .orElse(false);
            JsonNode parsed =
                    !json || response.body() == null || response.body().isBlank()
                            ? null
                            : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}

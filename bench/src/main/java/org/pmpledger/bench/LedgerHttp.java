package org.pmpledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmarks' requests to the services' HTTP APIs: a caller's bearer token on every one, a JSON body and a demo
 * instant ({@code X-Demo-Instant}) where a command takes them; and the command benchmark's load-generating client.
 */
final class LedgerHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** No request waits longer: a lost answer fails its request, never the run. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The load generator's client. Its work runs on the client's own selector thread (a direct executor): a pool would
     * hop every answer to a pool thread and wake the sender from there, which costs the load generator CPU per command
     * on a machine it shares with the services it measures.
     */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run)
            .build();

    HttpClient client() {
        return client;
    }

    /** A request to {@code url} on behalf of the caller whose token it carries. */
    static HttpRequest.Builder authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    /** A request that answers within {@link #REQUEST_TIMEOUT}; {@code body} and {@code demoInstant} may be null. */
    static HttpRequest request(String method, String url, String token, String body, String demoInstant) {
        HttpRequest.Builder request = authorized(url, token)
                .timeout(REQUEST_TIMEOUT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (demoInstant != null) {
            request.header("X-Demo-Instant", demoInstant);
        }
        return request.build();
    }

    HttpResponse<String> send(String method, String url, String token, String body, String demoInstant) {
        try {
            return client.send(request(method, url, token, body, demoInstant), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's JSON body, when it has the expected status. */
    static JsonNode expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " "
                    + answer.request().uri() + " -> " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}

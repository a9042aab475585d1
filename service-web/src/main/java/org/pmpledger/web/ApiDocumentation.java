package org.pmpledger.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of both services' OpenAPI documents has in common, declared here once: the headers every
 * request may carry ({@value InputLimits#CORRELATION_ID}, {@value TraceParents#TRACEPARENT}) and every answer names,
 * and the problem answers (application/problem+json, schema {@value #PROBLEM}) any request may meet: 400, 401, 403, 500
 * and 503 always, 404 where the path names something, 413 and 415 where a body is sent. A service adds its own
 * refusals (a command's 409, 412 and 422) with {@link #problem}.
 */
public final class ApiDocumentation extends OperationDocumentation implements GlobalOpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> WHEN = Map.of(
            400, "A parameter, header or field breaks a rule (each named in errors)",
            401, "No valid bearer token",
            403, "The caller's role, agency or region does not allow it",
            404, "The path names nothing there",
            413, "The body is larger than the API takes",
            415, "The body is not application/json",
            500, "The service failed",
            503, "The service or its database is busy: retry after Retry-After seconds");

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        components.addSchemas(PROBLEM, problemSchema());
        header(
                operation,
                InputLimits.CORRELATION_ID,
                "Your id for the request: echoed on a command's answer and kept on every event it stores (traceId)");
        header(
                operation,
                TraceParents.TRACEPARENT,
                "W3C trace context: the request joins your trace (else one begins); its events and their projection"
                        + " join it too");
        ApiResponses responses = operation.getResponses();
        for (int status : new int[] {400, 401, 403, 500, 503}) {
            problem(operation, status, WHEN.get(status));
        }
        boolean namesSomething = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        if (namesSomething) {
            problem(operation, 404, WHEN.get(404));
        }
        if (operation.getRequestBody() != null) {
            problem(operation, 413, WHEN.get(413));
            problem(operation, 415, WHEN.get(415));
        }
        responses
                .values()
                .forEach(response -> response.addHeaderObject(
                        TraceParents.TRACEPARENT,
                        new Header()
                                .description("The trace the request was served in")
                                .schema(new StringSchema())));
        return operation;
    }

    /**
     * A handler lists problem+json among what it produces for its refusals, never for its answer: the document's
     * successes name only what they are (springdoc adds the produced types after the operation customizers).
     */
    @Override
    public void customise(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        operation.getResponses().forEach((status, response) -> {
                            if (status.startsWith("2") && response.getContent() != null) {
                                response.getContent().remove(PROBLEM_JSON);
                            }
                        });
                    }
                }));
    }

    /** Adds (or completes) the problem answer {@code status} of an operation, described by {@code when}. */
    public static void problem(Operation operation, int status, String when) {
        String code = String.valueOf(status);
        ApiResponse response = operation.getResponses().get(code);
        if (response == null) {
            response = new ApiResponse().description(reason(status) + ": " + when);
            operation.getResponses().addApiResponse(code, response);
        }
        response.setContent(new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        response.addHeaderObject(
                TraceParents.TRACEPARENT,
                new Header().description("The trace the request was served in").schema(new StringSchema()));
        if (status == 503) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
        }
        if (status == 401) {
            response.addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema()));
        }
    }

    /** The type of the body a handler answers ({@code ResponseEntity<T>}'s T), if it names one class. */
    public static Optional<Class<?>> answerType(HandlerMethod handler) {
        Type answer = handler.getMethod().getGenericReturnType();
        if (answer instanceof ParameterizedType entity
                && entity.getActualTypeArguments().length == 1
                && entity.getActualTypeArguments()[0] instanceof Class<?> body) {
            return Optional.of(body);
        }
        return Optional.empty();
    }

    /** Adds an optional request header to an operation, once. */
    public static void header(Operation operation, String name, String description) {
        if (operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter -> name.equalsIgnoreCase(parameter.getName()))) {
            return;
        }
        Parameter header = new HeaderParameter()
                .name(name)
                .required(false)
                .description(description)
                .schema(new StringSchema());
        operation.addParametersItem(header);
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? String.valueOf(status) : known.getReasonPhrase();
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("The field, parameter or header"));
        error.addProperty("message", new StringSchema().description("The rule it broke"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details; type names the rule refused by");
        problem.addProperty(
                "type",
                new StringSchema()
                        .format("uri-reference")
                        .description(
                                "/problems/<rule>: a page naming the rule, the status and how to change the request"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("What was refused and why, for a person"));
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }
}

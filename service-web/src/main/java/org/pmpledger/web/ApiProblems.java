package org.pmpledger.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457): {@code type} names the rule,
 * {@code errors} lists {@code {field, message}} for bad input; never a stack trace. Each service
 * extends it with the refusals of its own domain.
 */
public abstract class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    /** Builds a problem whose type is {@code /problems/<rule>}. */
    public static ProblemDetail problem(HttpStatusCode status, String rule, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + rule));
        if (HttpStatus.resolve(status.value()) != null) {
            problem.setTitle(HttpStatus.resolve(status.value()).getReasonPhrase());
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /**
     * A problem answer whose Content-Type is set to {@code application/problem+json}, so it is written as
     * such whatever the request accepted (a CSV reader gets a problem too, never a 406 or 500).
     */
    public static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String rule, String detail) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, rule, detail, List.of()));
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), messageOf(error)))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(fieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "The request has " + errors.size() + " invalid field(s).", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> fieldError(
                        result.getMethodParameter().getParameterName(), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "The request has " + errors.size() + " invalid parameter(s).", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = "body";
        String message = "is not readable JSON";
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            message = "has a value of the wrong type or format";
        } else if (e.getCause() instanceof JacksonException jackson) {
            message = "is not valid JSON: " + jackson.getOriginalMessage();
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "The request body cannot be read: " + field + " " + message + ".", List.of(fieldError(field, message))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "must be a " + (e.getRequiredType() == null ? "valid value" : e.getRequiredType().getSimpleName());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Parameter " + e.getName() + " " + message + ".", List.of(fieldError(e.getName(), message))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "forbidden",
                "Your role or agency does not allow this request.", List.of()));
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The service failed unexpectedly; the failure is logged.", List.of()));
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}

package org.pmpledger.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457): {@code type} names the rule,
 * {@code errors} lists {@code {field, message}} for bad input; never a stack trace. Each service
 * extends it with the refusals of its own domain.
 */
public abstract class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    /** Builds a problem whose type is {@code /problems/<rule>}. */
    public static ProblemDetail problem(
            HttpStatusCode status, String rule, String detail, List<Map<String, String>> errors) {
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

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), messageOf(error)))
                .collect(Collectors.toList());
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error ->
                        errors.add(fieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        "The request has " + errors.size() + " invalid field(s).",
                        errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(
                                result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        "The request has " + errors.size() + " invalid parameter(s).",
                        errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InputLimits.BodyTooLarge tooLarge = causeOf(e, InputLimits.BodyTooLarge.class);
        if (tooLarge != null) {
            return problemResponse(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large",
                    "The request body is larger than " + tooLarge.limit() + " bytes, the limit of this endpoint.",
                    List.of(fieldError("body", "must be at most " + tooLarge.limit() + " bytes")));
        }
        String field = "body";
        String message = "is not readable JSON";
        if (causeOf(e, StreamConstraintsException.class) instanceof StreamConstraintsException limit) {
            message = "passes a limit of the API's JSON: " + limit.getOriginalMessage();
        } else if (e.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            field = pathOf(databind);
            message = switch (databind) {
                case UnrecognizedPropertyException unknown -> "is not a field of this request";
                case MismatchedInputException mismatch
                when String.valueOf(mismatch.getOriginalMessage()).startsWith("must ") -> mismatch.getOriginalMessage();
                case MismatchedInputException mismatch
                when mismatch.getTargetType() != null -> "must be " + expected(mismatch.getTargetType());
                default -> "has a value of the wrong type or format";
            };
        } else if (e.getCause() instanceof JacksonException jackson) {
            message = "is not valid JSON: " + jackson.getOriginalMessage();
        }
        return problemResponse(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "The request body cannot be read: " + field + " " + message + ".",
                List.of(fieldError(field, message)));
    }

    /**
     * Spring MVC's own refusals (405, 406, 415, an unknown path, a missing parameter...): a problem whose type names
     * the rule, written as problem+json whatever the request accepted.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            known = HttpStatus.BAD_REQUEST;
        }
        ProblemDetail problem = body instanceof ProblemDetail given
                ? given
                : problem(known, ProblemPages.ruleOf(known), e.getMessage(), List.of());
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create("/problems/" + ProblemPages.ruleOf(known)));
        }
        HttpHeaders answerHeaders = new HttpHeaders();
        if (headers != null) {
            answerHeaders.putAll(headers);
        }
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answerHeaders, status);
    }

    private static ResponseEntity<Object> problemResponse(
            HttpStatus status, String rule, String detail, List<Map<String, String>> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, rule, detail, errors));
    }

    /** The JSON path of a field as the request writes it: {@code items[3].quarter}. */
    private static String pathOf(DatabindException databind) {
        return databind.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .toList();
        }
        return switch (type.getSimpleName()) {
            case "String" -> "text";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "BigDecimal", "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "LocalDate" -> "a date written YYYY-MM-DD";
            case "List" -> "a list";
            default -> "of the documented form";
        };
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getRequiredType() == null
                ? "has a value of the wrong form"
                : "must be " + expected(e.getRequiredType());
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        "Parameter " + e.getName() + " " + message + ".",
                        List.of(fieldError(e.getName(), message))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Your role or agency does not allow this request.",
                        List.of()));
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(
                        status,
                        e.rule(),
                        e.getMessage(),
                        e.fields().stream()
                                .map(field -> fieldError(field.name(), field.message()))
                                .toList()));
    }

    @ExceptionHandler(ServiceBusy.class)
    ResponseEntity<ProblemDetail> busy(ServiceBusy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, e.rule(), e.getMessage(), List.of()));
    }

    /** A failure of the service itself: 503 with Retry-After when it is the database's and passes, else 500. */
    @ExceptionHandler(Exception.class)
    protected ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.passes(e)) {
            LOG.warn("the database did not answer in time or could not be reached: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "2")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "database-busy",
                            "The database did not answer in time or "
                                    + "cannot be reached. A command was not stored unless its commit was under way: retry it with "
                                    + "the same Idempotency-Key.",
                            List.of()));
        }
        LOG.error("unexpected failure", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "The service failed unexpectedly; the failure is logged.",
                        List.of()));
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}

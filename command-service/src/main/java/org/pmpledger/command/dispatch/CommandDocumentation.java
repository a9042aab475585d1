package org.pmpledger.command.dispatch;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import org.pmpledger.web.ApiDocumentation;
import org.pmpledger.web.InputLimits;
import org.pmpledger.web.OperationDocumentation;

/**
 * What every command (an operation answered with {@link CommandAccepted} or {@link BatchAccepted}) adds to the OpenAPI
 * document, declared here once: its request headers {@value InputLimits#IDEMPOTENCY_KEY} and {@code If-Match}, the
 * answer's headers, and the refusals of the domain: 409 (the state does not allow it now, or a concurrent change), 412
 * (If-Match names another version) and 422 (a business rule), each a problem whose type names the rule.
 */
@Component
class CommandDocumentation extends OperationDocumentation {

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        if (!isCommand(handler)) {
            return operation;
        }
        ApiDocumentation.header(
                operation,
                InputLimits.IDEMPOTENCY_KEY,
                "Your key for this request: sent again with the same method, path and body, it is answered as the"
                        + " first time (Idempotent-Replayed: true) and nothing is stored twice");
        ApiDocumentation.header(
                operation,
                HttpHeaders.IF_MATCH,
                "The plan version you decided on, as its ETag gave it (\"3\"): refused with 412 when the plan is at"
                        + " another version");
        ApiDocumentation.problem(operation, 409, "The plan's or cycle's state does not allow it now, or it exists");
        ApiDocumentation.problem(operation, 412, "If-Match names another version than the plan's");
        ApiDocumentation.problem(operation, 422, "A rule of the domain refuses it (named in type, fields in errors)");
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(
                        HttpHeaders.ETAG,
                        new Header()
                                .description("The plan's (or cycle's) version after the command")
                                .schema(new StringSchema()));
                response.addHeaderObject(
                        "Idempotent-Replayed",
                        new Header()
                                .description("true when this is the first answer given again for a repeated key")
                                .schema(new StringSchema()));
                response.addHeaderObject(
                        InputLimits.CORRELATION_ID,
                        new Header().description("The request's correlation id").schema(new StringSchema()));
            }
        });
        return operation;
    }

    private static boolean isCommand(HandlerMethod handler) {
        return ApiDocumentation.answerType(handler)
                .filter(body -> body == CommandAccepted.class || body == BatchAccepted.class)
                .isPresent();
    }
}

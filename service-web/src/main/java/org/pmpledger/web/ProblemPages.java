package org.pmpledger.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refusals made outside Spring MVC, as problem+json like every other: the security firewall's (an encoded slash,
 * a control character in the path), the container's own (a URI it cannot map) and whatever reaches {@code /error}.
 * Only a request that is not HTTP at all (a malformed request line, headers over the container's limit) is answered by
 * the container with an empty 400.
 */
@Configuration(proxyBeanMethods = false)
class ProblemPages {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerProblems.class.getName());
            }
        });
    }

    @Bean
    RequestRejectedHandler firewallProblems() {
        return (request, response, rejected) -> ProblemJson.write(
                response,
                HttpStatus.BAD_REQUEST,
                "request-rejected",
                "The request's path or headers hold characters the API does not accept (an encoded slash, a control "
                        + "character, a path that leaves its folder).",
                List.of(ApiProblems.fieldError("path", "is not accepted")));
    }

    /** {@code /error}: an error the container forwards, as problem+json with its status (registered as a member class). */
    @RestController
    static final class ErrorPage implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<byte[]> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.valueOf(value)
                    : HttpStatus.INTERNAL_SERVER_ERROR;
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemJson.bytes(status, ruleOf(status), detailOf(status), List.of()));
        }
    }

    /** The host's error report: a request the container refused before any application saw it. */
    public static final class ContainerProblems extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream()
                        .write(ProblemJson.bytes(status, ruleOf(status), detailOf(status), List.of()));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client went away: nothing left to answer
            }
        }
    }

    static String ruleOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "body-too-large";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            default -> status.is5xxServerError() ? "internal-error" : "refused";
        };
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not one the API accepts (its path, query or headers cannot be read).";
            case NOT_FOUND -> "Nothing is found at this path.";
            default ->
                status.is5xxServerError()
                        ? "The service failed unexpectedly; the failure is logged."
                        : status.getReasonPhrase() + ".";
        };
    }
}

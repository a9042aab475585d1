package org.pmpledger.command.dispatch;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import org.pmpledger.web.Caller;
import org.pmpledger.web.InputLimits;
import org.pmpledger.web.TraceParents;

/** Reads a command request's {@link RequestContext}: its headers as the API takes them, its caller, its thread's context. */
@Component
class RequestContexts {

    private static final Pattern VERSION_TAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");

    private final HttpServletRequest request;
    private final IdempotencyRecords idempotency;
    private final List<RequestThreadContext> threadContexts;
    private final TraceParents traces;

    RequestContexts(
            HttpServletRequest request,
            IdempotencyRecords idempotency,
            List<RequestThreadContext> threadContexts,
            TraceParents traces) {
        this.request = request;
        this.idempotency = idempotency;
        this.traces = traces;
        this.threadContexts = List.copyOf(threadContexts);
    }

    /** The context of the request being served, whose body is {@code body}. */
    RequestContext current(Object body) {
        Optional<String> key =
                Optional.ofNullable(request.getHeader(InputLimits.IDEMPOTENCY_KEY)); // its form: InputLimits
        String traceId = Optional.ofNullable(request.getHeader(InputLimits.CORRELATION_ID))
                .orElseGet(() -> UUID.randomUUID().toString());
        String hash = key.isPresent() ? idempotency.hash(request.getMethod(), request.getRequestURI(), body) : null;
        return new RequestContext(
                Caller.current(), key, hash, expectedVersion(), traceId, traces.current(), captureThread());
    }

    private Long expectedVersion() {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw InvalidRequestValue.header(
                    HttpHeaders.IF_MATCH, "must be a plan version as given in ETag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private RequestThreadContext.Captured captureThread() {
        if (threadContexts.isEmpty()) {
            return RequestThreadContext.Captured.NOTHING;
        }
        List<RequestThreadContext.Captured> captured =
                threadContexts.stream().map(RequestThreadContext::capture).toList();
        return () -> {
            List<RequestThreadContext.Scope> scopes =
                    captured.stream().map(RequestThreadContext.Captured::open).toList();
            return () -> scopes.reversed().forEach(RequestThreadContext.Scope::close);
        };
    }
}

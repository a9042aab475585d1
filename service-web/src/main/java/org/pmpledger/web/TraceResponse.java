package org.pmpledger.web;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer names its trace: {@value TraceParents#TRACEPARENT} of the request's server span (the caller's trace
 * when it sent one), so a caller or an operator can follow a request into the events it stored, onto Kafka and into
 * the projections' log lines. Runs inside the server observation, which opens the span.
 */
final class TraceResponse extends OncePerRequestFilter {

    private final TraceParents traces;

    TraceResponse(TraceParents traces) {
        this.traces = traces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        traces.current().ifPresent(traceparent -> response.setHeader(TraceParents.TRACEPARENT, traceparent));
        chain.doFilter(request, response);
    }
}

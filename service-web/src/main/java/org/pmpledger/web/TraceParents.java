package org.pmpledger.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * W3C trace context ({@value #TRACEPARENT}) as the ledger carries it where no instrumentation does: from the HTTP
 * request into the stored event's metadata, from there onto the Kafka record, and from the record into the projection's
 * apply. A missing or malformed value starts a new trace; it never refuses anything.
 */
public final class TraceParents {

    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@value #TRACEPARENT} of the span current on this thread (the HTTP request's), if any. */
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        return span == null ? Optional.empty() : of(span);
    }

    /** The {@value #TRACEPARENT} that names {@code span} as the parent. */
    public Optional<String> of(Span span) {
        TraceContext context = span.context();
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /**
     * A started span, the child of the context {@code headers} carry (a new trace without one): the caller ends it.
     *
     * @param headers   the carrier's values by name: event metadata, a record's headers
     * @param startedAt when the work began, if before now
     */
    public Span start(String name, Span.Kind kind, Function<String, String> headers, Instant startedAt) {
        Span.Builder builder =
                propagator.extract(headers, Function::apply).name(name).kind(kind);
        if (startedAt != null) {
            builder.startTimestamp(
                    startedAt.getEpochSecond() * 1_000_000 + startedAt.getNano() / 1_000, TimeUnit.MICROSECONDS);
        }
        return builder.start();
    }

    /** Puts {@code span} in scope on this thread (log lines carry its trace id) until the scope is closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}

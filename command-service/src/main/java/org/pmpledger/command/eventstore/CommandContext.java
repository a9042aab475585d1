package org.pmpledger.command.eventstore;

import org.pmpledger.web.Caller;
import org.pmpledger.web.TraceParents;

/**
 * Metadata keys of a command and of the events it causes: who (the {@link Caller} keys), why and
 * through which request.
 */
public final class CommandContext {

    /**
     * The HTTP request's correlation id ({@code X-Correlation-Id}, else generated). Axon's
     * MessageOriginProvider keeps it on every event as {@code traceId}, next to {@code correlationId},
     * the id of the command message that caused the event.
     */
    public static final String TRACE_ID = "traceId";

    /**
     * The W3C trace context of the HTTP request's span ({@link TraceParents}): on every event it causes, and from
     * there on its Kafka record, so the projections' work joins the request's trace.
     */
    public static final String TRACE_PARENT = TraceParents.TRACEPARENT;

    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The plan version the client saw (If-Match); only on commands, never stored on events. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    static final String[] KEYS_COPIED_TO_EVENTS = {
        Caller.SUBJECT, Caller.ROLES, Caller.LCSA, Caller.REGION, Caller.CLIENT_ID, IDEMPOTENCY_KEY, TRACE_PARENT
    };

    private CommandContext() {}
}

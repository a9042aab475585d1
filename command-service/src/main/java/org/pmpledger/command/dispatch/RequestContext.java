package org.pmpledger.command.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.MetaData;

import org.pmpledger.command.eventstore.CommandContext;
import org.pmpledger.web.Caller;

/**
 * What an HTTP command request carries besides its body, read once: who calls, the Idempotency-Key and the hash of the
 * request it keys, the plan version the client saw ({@code If-Match}), the correlation id and trace context, and what the request's
 * thread holds that deciding it relies on. The caller, key, correlation id and trace context travel as metadata onto every event.
 *
 * @param requestHash     the request's hash, present with an Idempotency-Key (a repeated request is compared by it)
 * @param expectedVersion the version of {@code If-Match}, or null
 */
record RequestContext(
        Caller caller,
        Optional<String> idempotencyKey,
        String requestHash,
        Long expectedVersion,
        String traceId,
        Optional<String> traceParent,
        RequestThreadContext.Captured thread) {

    MetaData metaData() {
        Map<String, Object> metaData = new HashMap<>(caller.toMap());
        metaData.put(CommandContext.TRACE_ID, traceId);
        traceParent.ifPresent(context -> metaData.put(CommandContext.TRACE_PARENT, context));
        idempotencyKey.ifPresent(key -> metaData.put(CommandContext.IDEMPOTENCY_KEY, key));
        if (expectedVersion != null) {
            metaData.put(CommandContext.EXPECTED_VERSION, expectedVersion);
        }
        return MetaData.from(metaData);
    }
}

package org.pmpledger.command.dispatch;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.pmpledger.web.InputLimits;

/**
 * A command request's answer: its body, whether it created something and where, and whether it is the first answer to
 * its Idempotency-Key given again. Made an HTTP answer by {@link #response}, after its transaction has ended.
 */
record Answered<T>(T body, boolean created, String location, boolean replayed) {

    /** {@code 201} with Location for a creation, else {@code 200}; the plan's version as ETag; how it was answered. */
    ResponseEntity<T> response(String correlationId) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK);
        if (body instanceof CommandAccepted accepted) {
            answer.eTag("\"" + accepted.version() + "\"");
        }
        if (location != null) {
            answer.location(URI.create(location));
        }
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        } else {
            answer.header(InputLimits.CORRELATION_ID, correlationId);
        }
        return answer.body(body);
    }
}

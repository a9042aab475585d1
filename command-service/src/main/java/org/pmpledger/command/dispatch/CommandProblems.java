package org.pmpledger.command.dispatch;

import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.web.ApiProblems;

/** The command side's refusals as problem+json; nothing is stored on any of them. */
@RestControllerAdvice
class CommandProblems extends ApiProblems {

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<ProblemDetail> refused(CommandRefused e) {
        HttpStatus status = statusOf(e.kind());
        return ResponseEntity.status(status)
                .body(problem(
                        status,
                        e.rule(),
                        e.getMessage(),
                        e.problems().stream()
                                .map(p -> fieldError(p.field(), p.message()))
                                .toList()));
    }

    /** The HTTP status of each kind of refusal: the domain names the kind, the web layer its answer. */
    static HttpStatus statusOf(CommandRefused.Kind kind) {
        return switch (kind) {
            case RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case STATE -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case VERSION -> HttpStatus.PRECONDITION_FAILED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }

    @ExceptionHandler(InvalidRequestValue.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidRequestValue e) {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        e.where() + " " + e.name() + " " + e.getMessage() + ".",
                        List.of(fieldError(e.name(), e.getMessage()))));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "No plan or cycle with id " + e.getAggregateIdentifier() + ".",
                        List.of()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(
                        HttpStatus.CONFLICT, "already-exists", "It exists already; nothing was stored.", List.of()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(
                        HttpStatus.CONFLICT,
                        "concurrent-change",
                        "Another change to the same plan was stored first; nothing was stored. Read the plan again and retry.",
                        List.of()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CommandRefused refused) {
            return refused(refused);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return concurrentChange(concurrency);
        }
        return unexpected(e);
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> storeFailure(EventStoreException e) {
        return unexpected(e);
    }
}

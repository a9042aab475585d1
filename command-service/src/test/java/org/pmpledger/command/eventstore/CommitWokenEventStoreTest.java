package org.pmpledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a reader of the event store reads: at once after a commit, after its timeout otherwise, never in between. */
class CommitWokenEventStoreTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine() {
        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }
    };
    private final CommitWokenEventStore store = CommitWokenEventStore.over(storage);
    private final TrackingEventStream reader = store.openStream(null);

    @AfterEach
    void closeReader() {
        reader.close();
    }

    @Test
    void aReaderWaitingForEventsIsHandedTheNextOneWhenItsCommitEnds() throws Exception {
        assertThat(reader.hasNextAvailable()).isFalse();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> waitFor(Duration.ofMinutes(5)));

        store.publish(event("committed"));

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("committed");
    }

    @Test
    void aReaderThatFoundNothingReadsAgainOnlyAfterACommit() {
        assertThat(reader.hasNextAvailable()).isFalse();
        assertThat(reader.hasNextAvailable()).isFalse();
        assertThat(reads).hasValue(1);

        store.publish(event("committed"));

        assertThat(reader.hasNextAvailable()).isTrue();
        assertThat(reads).hasValue(2);
    }

    @Test
    void anEventAppendedWithoutACommitHereIsReadOnceTheWholeTimeoutHasPassed() throws Exception {
        assertThat(reader.hasNextAvailable()).isFalse();
        storage.appendEvents(List.of(event("another instance's")));

        assertThat(reader.hasNextAvailable()).isFalse();
        assertThat(reader.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("another instance's");
    }

    @Test
    void eventsAppendedWithoutACommitHereAreHandedOnOneAfterAnotherOnceFound() throws Exception {
        assertThat(reader.hasNextAvailable()).isFalse();
        storage.appendEvents(List.of(event("first"), event("second")));
        assertThat(reader.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("first");

        assertThat(reader.hasNextAvailable()).isTrue();
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("second");
    }

    @Test
    void aReaderAskedForTheNextEventFindsOneAnotherInstanceCommittedWithoutACommitHere() throws Exception {
        assertThat(reader.hasNextAvailable()).isFalse();
        storage.appendEvents(List.of(event("another instance's")));

        CompletableFuture<TrackedEventMessage<?>> next = CompletableFuture.supplyAsync(this::next);

        assertThat(next.get(30, TimeUnit.SECONDS).getPayload()).isEqualTo("another instance's");
    }

    @Test
    void aReaderReadsEveryEventOnceInOrderAcrossReads() throws Exception {
        store.publish(event("first"), event("second"));
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("first");
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("second");
        assertThat(reader.hasNextAvailable()).isFalse();

        store.publish(event("third"));

        assertThat(reader.peek())
                .hasValueSatisfying(e -> assertThat(e.getPayload()).isEqualTo("third"));
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("third");
        assertThat(reader.hasNextAvailable()).isFalse();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return reader.hasNextAvailable((int) timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private TrackedEventMessage<?> next() {
        try {
            return reader.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static EventMessage<String> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}

package org.pmpledger.command.eventstore;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The event store whose readers (the publisher) are woken by every commit of this instance's events: a reader that
 * has read everything waits for the next commit, then reads from the store at once, so an event reaches its reader
 * within one query of its commit whether the reader kept up or has just caught up after a burst. Commits of other
 * instances wake no one here: a reader that waited its whole timeout reads once more before it answers "nothing".
 *
 * <p>Every read goes to the store: what a reader is handed has committed (events commit in the order of their
 * positions, so nothing below what it has read can appear later), and there is no cache whose tokens a reader would
 * have to find its place in again.
 */
final class CommitWokenEventStore extends AbstractEventStore {

    private final Commits commits = new Commits();

    private CommitWokenEventStore(Builder builder) {
        super(builder);
    }

    static CommitWokenEventStore over(EventStorageEngine storageEngine) {
        Builder builder = new Builder();
        builder.storageEngine(storageEngine);
        return new CommitWokenEventStore(builder);
    }

    /** Runs once the unit of work that appended {@code events} has committed its transaction. */
    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        commits.counted();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new Reader(trackingToken);
    }

    private static final class Builder extends AbstractEventStore.Builder {}

    /** How many commits this instance has made: a reader waits for the count to move. */
    private static final class Commits {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition moved = lock.newCondition();
        private long count;

        void counted() {
            lock.lock();
            try {
                count++;
                moved.signalAll();
            } finally {
                lock.unlock();
            }
        }

        long count() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }

        /** Whether the count moved past {@code seen} within {@code nanos}. */
        boolean movedPast(long seen, long nanos) throws InterruptedException {
            lock.lock();
            try {
                long left = nanos;
                while (count == seen && left > 0) {
                    left = moved.awaitNanos(left);
                }
                return count != seen;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * One reader's way through the store, from its token on. It reads batches while there are events; once a read finds
     * none, it reads again only after a commit, or once it has waited a whole timeout.
     */
    private final class Reader implements TrackingEventStream {

        /** How long {@link #nextAvailable()} waits before it reads again for commits of other instances. */
        private static final int WAIT_MS = 1000;

        private TrackingToken lastRead;
        private Stream<? extends TrackedEventMessage<?>> batches;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;
        /**
         * The commit count when a read last found nothing: with no batch at hand, no read is worth making until it
         * moves or a whole timeout has passed.
         */
        private long emptyAtCommit = -1;

        private Reader(TrackingToken from) {
            this.lastRead = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(next) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next != null) {
                return true;
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            boolean waitedOut = false;
            while (true) {
                long seen = commits.count();
                if (events != null || seen != emptyAtCommit || waitedOut) {
                    if (readNext()) {
                        return true;
                    }
                    emptyAtCommit = seen;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitedOut = !commits.movedPast(seen, left);
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (next == null) {
                hasNextAvailable(WAIT_MS, TimeUnit.MILLISECONDS);
            }
            TrackedEventMessage<?> event = next;
            next = null;
            return event;
        }

        /** Reads the next event into {@link #next}: from the batch at hand, or one more query. */
        private boolean readNext() {
            if (events == null) {
                batches = storageEngine().readEvents(lastRead, false);
                events = batches.iterator();
            }
            if (events.hasNext()) {
                next = events.next();
                lastRead = next.trackingToken();
                return true;
            }
            // a stream that found nothing stays ended: the next read opens a new one from the last event read
            closeBatches();
            return false;
        }

        @Override
        public void close() {
            closeBatches();
        }

        private void closeBatches() {
            if (batches != null) {
                batches.close();
            }
            batches = null;
            events = null;
        }
    }
}

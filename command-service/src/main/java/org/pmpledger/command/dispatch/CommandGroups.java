package org.pmpledger.command.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Group commit for concurrent requests: the requests waiting to be decided are taken together, by one of their own
 * threads (the leader), and decided in one transaction, so that one append, one heads query and one commit (one WAL
 * flush) serve them all. While a group is being decided, the requests that arrive wait; the next leader takes them all
 * (up to {@value #MAX_GROUP}, one per stream). A request that arrives when no group is being decided leads at once: alone, it waits for
 * nothing.
 *
 * <p>Every member of a group is settled by the group's run ({@link Member#settle}), whatever happens; a member settled
 * with {@link Member#ALONE} is decided again, by itself, on its own thread.
 *
 * @param <M> what a request brings to a group
 */
final class CommandGroups<M extends CommandGroups.Member> {

    /** The most requests decided in one group. */
    static final int MAX_GROUP = 64;

    /** A request in a group: settled once its group has run. */
    abstract static class Member {

        /** The streams the request appends to: a group holds at most one request per stream. */
        abstract List<String> streamIds();

        /** The outcome of a member whose group could not be stored: it is decided again, alone. */
        static final Object ALONE = new Object();

        private Object outcome;

        /** Sets the member's outcome (an answer, a refusal, or {@link #ALONE}); its thread returns it. */
        final void settle(Object outcome) {
            this.outcome = outcome;
        }

        final Object outcome() {
            return outcome;
        }
    }

    private final Consumer<List<M>> decideTogether;
    private final Object monitor = new Object();
    private final ArrayDeque<M> waiting = new ArrayDeque<>();
    private boolean leading;

    /** @param decideTogether decides a group; it must settle every member, also when it fails */
    CommandGroups(Consumer<List<M>> decideTogether) {
        this.decideTogether = decideTogether;
    }

    /** How many requests wait for the next group. */
    int waiting() {
        synchronized (monitor) {
            return waiting.size();
        }
    }

    /**
     * The next group: the waiting requests in order of arrival, up to {@value #MAX_GROUP}, but at most one per stream; a
     * request on a stream already in the group waits for the next one. So each request's answer is the head of its
     * streams after the group's append (its own last event), and a group never builds on what another of its requests
     * might have been refused.
     */
    private List<M> next() {
        List<M> group = new ArrayList<>(Math.min(waiting.size(), MAX_GROUP));
        Set<String> streams = new HashSet<>();
        for (Iterator<M> it = waiting.iterator(); it.hasNext() && group.size() < MAX_GROUP; ) {
            M candidate = it.next();
            if (candidate.streamIds().stream().noneMatch(streams::contains)) {
                streams.addAll(candidate.streamIds());
                group.add(candidate);
                it.remove();
            }
        }
        return group;
    }

    /** Decides {@code member} with whatever other requests are waiting; answers its outcome. */
    Object decide(M member) {
        boolean interrupted = false;
        try {
            synchronized (monitor) {
                waiting.add(member);
            }
            while (true) {
                List<M> group;
                synchronized (monitor) {
                    while (member.outcome() == null && leading) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the request stays in its group: its outcome comes, then the flag is restored
                        }
                    }
                    if (member.outcome() != null) {
                        return member.outcome();
                    }
                    leading = true;
                    group = next();
                }
                try {
                    decideTogether.accept(group);
                } catch (RuntimeException failed) {
                    // settled below: every member is decided again, alone, and meets the failure there if it is its own
                } finally {
                    synchronized (monitor) {
                        for (M decided : group) {
                            if (decided.outcome() == null) {
                                decided.settle(Member.ALONE); // the group failed before settling it
                            }
                        }
                        leading = false;
                        monitor.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package org.pmpledger.command.dispatch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Group commit for concurrent requests: the requests waiting to be decided are taken together, by one of their own
 * threads (the leader), and decided in one transaction, so that one append, one heads query and one commit (one WAL
 * flush) serve them all. While groups are being decided, the requests that arrive wait; the next leader takes them all
 * (up to {@value #MAX_GROUP}, one per stream). Up to {@code leaders} groups are decided at once, so that one group is
 * decided while another waits for its commit. A request that arrives when fewer groups are being decided leads at
 * once: alone, it waits for nothing.
 *
 * <p>A group decides its requests in the order of their streams' ids, and keeps each stream's lock until it commits: two
 * groups take their locks in the same order, so neither can hold a lock the other one holds while waiting for one of
 * the other's.
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

        /** The outcome of a member whose group could not be stored: it is decided again, alone. */
        static final Object ALONE = new Object();

        /** The outcome of a member that waited its whole bound without being taken into a group: nothing of it was done. */
        static final Object WAITED_TOO_LONG = new Object();

        private Object outcome;
        private boolean taken; // in a group being decided

        /** The streams the request appends to: a group holds at most one request per stream. */
        abstract List<String> streamIds();

        /** Sets the member's outcome (an answer, a refusal, or {@link #ALONE}); its thread returns it. */
        final void settle(Object outcome) {
            this.outcome = outcome;
        }

        final Object outcome() {
            return outcome;
        }
    }

    private static final Comparator<Member> BY_STREAMS =
            Comparator.comparing(member -> String.join("\n", member.streamIds()));

    private final Consumer<List<M>> decideTogether;
    private final int maxLeaders;
    private final Object monitor = new Object();
    private final ArrayDeque<M> waiting = new ArrayDeque<>();
    private int leaders;

    /**
     * @param decideTogether decides a group; it must settle every member, also when it fails
     * @param maxLeaders     how many groups may be decided at once
     */
    CommandGroups(Consumer<List<M>> decideTogether, int maxLeaders) {
        this.decideTogether = decideTogether;
        this.maxLeaders = Math.max(1, maxLeaders);
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
     * might have been refused. Answered in the order of the streams' ids: the order its locks are taken in.
     */
    private List<M> next() {
        List<M> group = new ArrayList<>(Math.min(waiting.size(), MAX_GROUP));
        Set<String> streams = new HashSet<>();
        for (Iterator<M> it = waiting.iterator(); it.hasNext() && group.size() < MAX_GROUP; ) {
            M candidate = it.next();
            if (candidate.streamIds().stream().noneMatch(streams::contains)) {
                streams.addAll(candidate.streamIds());
                ((Member) candidate).taken = true;
                group.add(candidate);
                it.remove();
            }
        }
        group.sort(BY_STREAMS);
        return group;
    }

    /**
     * Decides {@code member} with whatever other requests are waiting; answers its outcome. A member still waiting, not
     * yet in a group, when {@code maxWait} has passed leaves the queue with {@link Member#WAITED_TOO_LONG}; once in a
     * group it waits for the group's outcome, which the database's own timeouts bound.
     */
    Object decide(M member, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean interrupted = false;
        try {
            synchronized (monitor) {
                waiting.add(member);
            }
            while (true) {
                List<M> group;
                synchronized (monitor) {
                    // wait while the request is in a group being decided, or while it waits and no leader may start
                    while (member.outcome() == null && (((Member) member).taken || leaders >= maxLeaders)) {
                        long left = deadline - System.nanoTime();
                        if (!((Member) member).taken && left <= 0) {
                            waiting.remove(member);
                            return Member.WAITED_TOO_LONG;
                        }
                        try {
                            if (((Member) member).taken) {
                                monitor.wait();
                            } else {
                                monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                            }
                        } catch (InterruptedException e) {
                            interrupted = true; // the request stays in its group: its outcome comes, then the flag is
                            // restored
                        }
                    }
                    if (member.outcome() != null) {
                        return member.outcome();
                    }
                    leaders++;
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
                        leaders--;
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

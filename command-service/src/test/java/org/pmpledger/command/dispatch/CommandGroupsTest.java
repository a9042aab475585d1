package org.pmpledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit's gathering of concurrent requests: who waits, who leads, what goes together, what is decided alone. */
class CommandGroupsTest {

    /** A request on some streams; its answer is its name. */
    private static final class Named extends CommandGroups.Member {

        final String name;
        final List<String> streams;

        Named(String name, String... streams) {
            this.name = name;
            this.streams = List.of(streams);
        }

        @Override
        List<String> streamIds() {
            return streams;
        }
    }

    private static final Duration LONG = Duration.ofSeconds(30);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<String>> groupsDecided = new CopyOnWriteArrayList<>();
    private final CountDownLatch groupsMayFinish = new CountDownLatch(1);
    private CountDownLatch groupsStarted;

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * Decides a group by answering each member its name; the first {@code held} groups wait until the test lets them
     * finish ({@link #groupsMayFinish}), each counting down {@link #groupsStarted} when it starts.
     */
    private Consumer<List<Named>> byName(int held) {
        CountDownLatch started = new CountDownLatch(held);
        groupsStarted = started;
        return group -> {
            groupsDecided.add(group.stream().map(member -> member.name).toList());
            if (groupsDecided.size() <= held) {
                started.countDown();
                try {
                    groupsMayFinish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            group.forEach(member -> member.settle(member.name));
        };
    }

    private CompletableFuture<Object> send(CommandGroups<Named> groups, Named member) {
        return CompletableFuture.supplyAsync(() -> groups.decide(member, LONG), threads);
    }

    @Test
    void aRequestAloneIsDecidedAtOnceByItsOwnThread() {
        CommandGroups<Named> groups =
                new CommandGroups<>(group -> group.forEach(member -> member.settle(Thread.currentThread())), 1);

        assertThat(groups.decide(new Named("a", "plan-1"), LONG)).isSameAs(Thread.currentThread());
    }

    @Test
    void requestsArrivingWhileAGroupIsDecidedAreDecidedTogetherNext() throws Exception {
        CommandGroups<Named> groups = new CommandGroups<>(byName(1), 1);
        CompletableFuture<Object> first = send(groups, new Named("first", "plan-1"));
        groupsStarted.await(10, TimeUnit.SECONDS);
        List<CompletableFuture<Object>> later = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            later.add(send(groups, new Named("r" + i, "plan-" + i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(groups) == 5);

        groupsMayFinish.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (int i = 0; i < later.size(); i++) {
            assertThat(later.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("r" + (i + 2));
        }
        assertThat(groupsDecided).hasSize(2);
        assertThat(groupsDecided.get(1)).containsExactlyInAnyOrder("r2", "r3", "r4", "r5", "r6");
    }

    @Test
    void aGroupHoldsAtMostOneRequestPerStream() throws Exception {
        CommandGroups<Named> groups = new CommandGroups<>(byName(1), 1);
        CompletableFuture<Object> first = send(groups, new Named("first", "plan-0"));
        groupsStarted.await(10, TimeUnit.SECONDS);
        List<CompletableFuture<Object>> later = List.of(send(groups, new Named("a1", "plan-A")));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(groups) == 1);
        later = List.of(later.getFirst(), send(groups, new Named("a2", "plan-A")));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(groups) == 2);
        later = List.of(later.get(0), later.get(1), send(groups, new Named("b", "plan-B")));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(groups) == 3);

        groupsMayFinish.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Object> answer : later) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(groupsDecided).containsExactly(List.of("first"), List.of("a1", "b"), List.of("a2"));
    }

    @Test
    void membersOfAGroupThatFailedAreLeftToBeDecidedAlone() {
        CommandGroups<Named> groups = new CommandGroups<>(
                group -> {
                    throw new IllegalStateException("the group's transaction failed");
                },
                1);

        assertThat(groups.decide(new Named("a", "plan-1"), LONG)).isSameAs(CommandGroups.Member.ALONE);
    }

    @Test
    void withTwoGroupsAtOnceASecondGroupIsDecidedWhileTheFirstWaitsAndAThirdRequestWaitsForEither() throws Exception {
        CommandGroups<Named> groups = new CommandGroups<>(byName(2), 2);
        CompletableFuture<Object> first = send(groups, new Named("first", "plan-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> groupsDecided.size() == 1);
        CompletableFuture<Object> second = send(groups, new Named("second", "plan-2"));
        assertThat(groupsStarted.await(10, TimeUnit.SECONDS))
                .as("the second group started beside the first")
                .isTrue();
        CompletableFuture<Object> third = send(groups, new Named("third", "plan-3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(groups) == 1);

        groupsMayFinish.countDown();

        assertThat(List.of(
                        first.get(10, TimeUnit.SECONDS),
                        second.get(10, TimeUnit.SECONDS),
                        third.get(10, TimeUnit.SECONDS)))
                .containsExactly("first", "second", "third");
        assertThat(groupsDecided).containsExactly(List.of("first"), List.of("second"), List.of("third"));
    }

    @Test
    void aGroupDecidesItsRequestsInTheOrderOfTheirStreams() throws Exception {
        CommandGroups<Named> groups = new CommandGroups<>(byName(1), 1);
        CompletableFuture<Object> first = send(groups, new Named("first", "plan-0"));
        groupsStarted.await(10, TimeUnit.SECONDS);
        List<CompletableFuture<Object>> later = new ArrayList<>();
        for (String stream : List.of("plan-C", "plan-A", "plan-B")) {
            later.add(send(groups, new Named("on " + stream, stream)));
            int sent = later.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting(groups) == sent);
        }

        groupsMayFinish.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Object> answer : later) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(groupsDecided.get(1)).containsExactly("on plan-A", "on plan-B", "on plan-C");
    }

    @Test
    void aRequestThatWaitsPastItsBoundWithoutJoiningAGroupLeavesTheQueueWithNothingDone() throws Exception {
        CommandGroups<Named> groups = new CommandGroups<>(byName(1), 1);
        CompletableFuture<Object> first = send(groups, new Named("first", "plan-1"));
        groupsStarted.await(10, TimeUnit.SECONDS);

        Object impatient = groups.decide(new Named("impatient", "plan-2"), Duration.ofMillis(200));

        assertThat(impatient).isSameAs(CommandGroups.Member.WAITED_TOO_LONG);
        assertThat(waiting(groups)).isZero();
        groupsMayFinish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(groupsDecided).containsExactly(List.of("first"));
    }

    /** Requests waiting for the next group (read through the class's own monitor-guarded queue). */
    private static int waiting(CommandGroups<?> groups) {
        return groups.waiting();
    }
}

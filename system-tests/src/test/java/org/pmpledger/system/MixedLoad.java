package org.pmpledger.system;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.TestTokens;

/**
 * A steady load of every family of command on many plans, bulk ingest and reads that follow the writes
 * ({@code minVersion}), as upstream apps send it: each command carries an {@code Idempotency-Key} and an
 * {@code X-Correlation-Id}, and a request that got no answer (a dead instance, a 5xx) is sent again with the same key
 * until it is answered. Every acknowledged (2xx) request is kept with the number of events it stored.
 */
final class MixedLoad {

    /** Past this a request counts as hung: the longest bound of the services (a group-commit wait) and a margin. */
    static final Duration HUNG = Duration.ofSeconds(15);

    private static final Duration GIVE_UP = Duration.ofSeconds(90);

    /** A plan of the load: drafts take tactic and measurement changes, submitted plans progress and comments. */
    record Plan(String agency, String id, String entryId, boolean submitted) {}

    /** An acknowledged request: its correlation id, the events it stored, and when it was answered. */
    record Ack(String correlationId, int events, long answeredAt, String planId, long version) {}

    private record FreshRead(long ackAnsweredAt, long answeredAt) {}

    private final Supplier<ApiClient> commands;
    private final Supplier<ApiClient> queries;
    private final TestTokens tokens;
    private final List<Plan> plans;
    private final String regional;
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<FreshRead> freshReads = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> hungAt = new ConcurrentLinkedQueue<>();
    private final Map<String, List<String>> tacticsOf = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong latestAck = new AtomicLong();
    private final Map<Long, Ack> acksByAnswer = new ConcurrentHashMap<>();
    private volatile boolean running;
    private ExecutorService threads;
    private final List<Future<?>> senders = new ArrayList<>();

    MixedLoad(Supplier<ApiClient> commands, Supplier<ApiClient> queries, TestTokens tokens, List<Plan> plans) {
        this.commands = commands;
        this.queries = queries;
        this.tokens = tokens;
        this.plans = plans;
        this.regional = tokens.token("ra-north", List.of("REGIONAL_ADMIN"), null, "Northern");
    }

    void start(int senderCount) {
        running = true;
        threads = Executors.newFixedThreadPool(senderCount);
        for (int i = 0; i < senderCount; i++) {
            senders.add(threads.submit(() -> {
                while (running) {
                    next(sequence.incrementAndGet());
                }
            }));
        }
    }

    void stop() throws Exception {
        running = false;
        for (Future<?> sender : senders) {
            sender.get();
        }
        senders.clear();
        threads.close();
    }

    List<Ack> acknowledgedSince(long since) {
        return acks.stream().filter(ack -> ack.answeredAt() >= since).toList();
    }

    int hungSince(long since) {
        return (int) hungAt.stream().filter(at -> at >= since).count();
    }

    /** When the first request answered after {@code since} was acknowledged, or 0. */
    long firstAckAfter(long since) {
        return acks.stream()
                .mapToLong(Ack::answeredAt)
                .filter(at -> at >= since)
                .min()
                .orElse(0);
    }

    /** When a read first showed a write acknowledged after {@code since}, or 0. */
    long firstFreshReadAfter(long since) {
        return freshReads.stream()
                .filter(read -> read.ackAnsweredAt() >= since)
                .mapToLong(FreshRead::answeredAt)
                .min()
                .orElse(0);
    }

    /**
     * One write and the read that follows it, from the caller's thread, as soon as the parts answer: a comment on a
     * submitted plan (sent again until acknowledged), then its plan read at the comment's version until a read shows it.
     * The load's own writes and reads count as well; this one does not wait for the load's turn to read.
     */
    void probe() {
        Plan submitted = pick(true, 0);
        Answer comment = command(
                "POST",
                plan(submitted) + "/comments",
                regional,
                Map.of("entryId", submitted.entryId(), "comment", "Probe " + System.nanoTime()),
                1,
                submitted);
        if (comment == null) {
            return;
        }
        long acknowledged = System.nanoTime();
        long version = comment.body().get("version").asLong();
        long giveUpAt = acknowledged + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUpAt) {
            try {
                Answer read = queries.get()
                        .get("/api/v1/plans/" + submitted.id() + "?minVersion=" + version, tokens.analyst());
                if (read.status() == 200) {
                    freshReads.add(new FreshRead(acknowledged, System.nanoTime()));
                    return;
                }
            } catch (UncheckedIOException | IllegalStateException unanswered) {
                // the query service is not back yet
            }
            pause();
        }
    }

    private void next(int n) {
        Plan draft = pick(false, n);
        Plan submitted = pick(true, n);
        List<String> tactics = tacticsOf.getOrDefault(draft.id(), List.of());
        String tactic = tactics.isEmpty() ? null : tactics.get(n % tactics.size());
        switch (n % 8) {
            case 1 -> {
                if (tactic != null) {
                    command(
                            "PUT",
                            plan(draft) + "/tactics/" + tactic,
                            editor(draft),
                            Map.of("title", "Tactic revised " + n, "reason", "Correction " + n),
                            1,
                            draft);
                    return;
                }
                addTactic(draft, n);
            }
            case 2 -> {
                if (tactic != null) {
                    command(
                            "POST",
                            plan(draft) + "/tactics/" + tactic + "/status",
                            editor(draft),
                            Map.of("status", n % 16 < 8 ? "IN_PROGRESS" : "ON_HOLD"),
                            1,
                            draft);
                    return;
                }
                addTactic(draft, n);
            }
            case 3 ->
                command(
                        "PUT",
                        plan(draft) + "/entries/" + draft.entryId() + "/measurement",
                        editor(draft),
                        Map.of("baseline", 60 + n % 5, "target", 65 + n % 7, "reason", "Revised " + n),
                        1,
                        draft);
            case 4 ->
                command(
                        "PUT",
                        plan(submitted) + "/entries/" + submitted.entryId() + "/progress/Q1",
                        editor(submitted),
                        Map.of("value", 50 + n % 40, "narrative", "Q1 " + n, "reason", "Corrected " + n),
                        1,
                        submitted);
            case 5 ->
                command(
                        "POST",
                        plan(submitted) + "/comments",
                        regional,
                        Map.of("entryId", submitted.entryId(), "comment", "Comment " + n),
                        1,
                        submitted);
            case 6 -> bulkProgress(n);
            case 7 -> readAfterWrite();
            default -> addTactic(draft, n);
        }
    }

    private void addTactic(Plan draft, int n) {
        Answer added = command(
                "POST",
                plan(draft) + "/tactics",
                editor(draft),
                Map.of(
                        "entryId",
                        draft.entryId(),
                        "title",
                        "Tactic " + n,
                        "leads",
                        List.of("Lead " + n % 3),
                        "projectedCompletion",
                        "2022-06-30"),
                1,
                draft);
        if (added != null) {
            tacticsOf
                    .computeIfAbsent(draft.id(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(added.body().get("id").asString());
        }
    }

    private void bulkProgress(int n) {
        List<Map<String, Object>> items = plans.stream()
                .filter(Plan::submitted)
                .map(p -> Map.<String, Object>of(
                        "planId",
                        p.id(),
                        "entryId",
                        p.entryId(),
                        "quarter",
                        "Q2",
                        "value",
                        40 + n % 50,
                        "narrative",
                        "Q2 " + n,
                        "reason",
                        "Bulk " + n))
                .toList();
        command("POST", "/api/v1/progress-batches", tokens.stateAdmin(), Map.of("items", items), items.size(), null);
    }

    /** Reads the plan of the latest acknowledged write at that write's version; a 200 is a fresh read. */
    private void readAfterWrite() {
        Ack ack = acksByAnswer.get(latestAck.get());
        if (ack == null || ack.planId() == null) {
            return;
        }
        long sent = System.nanoTime();
        try {
            Answer read = queries.get()
                    .get("/api/v1/plans/" + ack.planId() + "?minVersion=" + ack.version(), tokens.analyst());
            long answered = System.nanoTime();
            noteIfHung(sent, answered);
            if (read.status() == 200) {
                freshReads.add(new FreshRead(ack.answeredAt(), answered));
            }
        } catch (UncheckedIOException | IllegalStateException unanswered) {
            noteIfHung(sent, System.nanoTime());
            pause();
        }
    }

    /** Sends until answered; returns the answer if acknowledged, null if refused or never answered. */
    private Answer command(String method, String path, String token, Object body, int events, Plan plan) {
        String key = "chaos-" + sequence.incrementAndGet() + "-" + System.nanoTime();
        long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUpAt) {
            long sent = System.nanoTime();
            try {
                Answer answer = commands.get()
                        .send(method, path, token, body, Map.of("Idempotency-Key", key, "X-Correlation-Id", key));
                long answered = System.nanoTime();
                noteIfHung(sent, answered);
                if (answer.status() / 100 == 2) {
                    long version = answer.body().has("version")
                            ? answer.body().get("version").asLong()
                            : 0;
                    Ack ack = new Ack(key, events, answered, plan == null ? null : plan.id(), version);
                    acks.add(ack);
                    acksByAnswer.put(answered, ack);
                    latestAck.accumulateAndGet(answered, Math::max);
                    return answer;
                }
                if (answer.status() / 100 == 4) {
                    return null; // refused, nothing stored: the load goes on
                }
            } catch (UncheckedIOException | IllegalStateException unanswered) {
                noteIfHung(sent, System.nanoTime());
            }
            pause();
        }
        return null;
    }

    private void noteIfHung(long sent, long answered) {
        if (answered - sent > HUNG.toNanos()) {
            hungAt.add(answered);
        }
    }

    private Plan pick(boolean submitted, int n) {
        List<Plan> kind = plans.stream().filter(p -> p.submitted() == submitted).toList();
        return kind.get(n % kind.size());
    }

    private String editor(Plan plan) {
        return tokens.lcsaEditor(plan.agency());
    }

    private static String plan(Plan plan) {
        return "/api/v1/plans/" + plan.id();
    }

    private static void pause() {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // before the same request again
    }
}

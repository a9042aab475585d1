package org.pmpledger.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.pmpledger.bench.BenchPlans.Plan;

/**
 * Load sent open-loop at a fixed rate, as callers in the field send it: the n-th request is due at start + n / rate
 * whatever the answers before it did. Latency counts from that due time, so a server that falls behind shows it in
 * full (no coordinated omission), and every request counts: refused, lost and late ones at their elapsed time.
 */
final class FixedRateLoad {

    /** Requests in flight at most; a full window delays the next send, whose latency still counts from its due time. */
    private static final int WINDOW = 256;

    private final HttpClient http;
    private final LoadPhases load;
    private final String analyst;
    private final String queryUrl;
    private final TopicArrivals arrivals;

    /** @param arrivals when each event reached the topic, or null: the lag is then not split */
    FixedRateLoad(HttpClient http, LoadPhases load, String analyst, String queryUrl, TopicArrivals arrivals) {
        this.http = http;
        this.load = load;
        this.analyst = analyst;
        this.queryUrl = queryUrl;
        this.arrivals = arrivals;
    }

    /**
     * A lag phase: from each sampled command's answer until the read answers with it ({@code toRead}), and until its
     * event reached the topic ({@code toTopic}: 0 when it was there before the answer; empty without arrivals).
     */
    record Lag(Phase toRead, Phase toTopic) {}

    /** The n-th request of a schedule, sent when due; its future completes when everything about it has. */
    private interface Send {
        CompletableFuture<?> send(long n, long due);
    }

    /** What became of each request: accepted (2xx), refused (4xx), or lost (5xx, timeout, broken, unreadable). */
    private static final class Outcomes {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong lost = new AtomicLong();

        /** Counts the answer (or its failure) and answers whether it was accepted. */
        boolean count(HttpResponse<?> answer, Throwable failure) {
            if (failure == null && answer.statusCode() / 100 == 2) {
                accepted.incrementAndGet();
                return true;
            }
            (failure == null && answer.statusCode() / 100 == 4 ? refused : lost).incrementAndGet();
            return false;
        }
    }

    /** The commands {@code next} makes, at {@code perSecond}: latency from each one's due time to its answer. */
    Phase commands(Duration duration, int perSecond, LongFunction<HttpRequest> next) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Outcomes outcomes = new Outcomes();
        double seconds = schedule(
                duration,
                perSecond,
                (n, due) -> http.sendAsync(next.apply(n), HttpResponse.BodyHandlers.discarding())
                        .handle((answer, failure) -> {
                            latencies.add(System.nanoTime() - due);
                            outcomes.count(answer, failure);
                            return null;
                        }));
        return new Phase(
                outcomes.accepted.get(), seconds, sorted(latencies), outcomes.refused.get(), outcomes.lost.get(), 0);
    }

    /**
     * RecordQuarterlyProgress at {@code perSecond} over the plans in turn; for one in ten, the time from its 2xx until
     * the statewide comparison of its FFY answers with it ({@code minPosition}: the query service waits for it, no
     * polling). A read that fails or answers 503 (still behind after its wait) counts as late, at its elapsed time.
     */
    Lag lag(Duration duration, int perSecond) throws InterruptedException {
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> answered = new ConcurrentLinkedQueue<>();
        Outcomes outcomes = new Outcomes();
        AtomicLong late = new AtomicLong();
        List<Plan> plans = load.plans();
        if (arrivals != null) {
            arrivals.listen();
        }
        double seconds = schedule(duration, perSecond, (n, due) -> {
            Plan plan = plans.get((int) (n % plans.size()));
            return http.sendAsync(load.recordProgress(plan), HttpResponse.BodyHandlers.ofString())
                    .handle((answer, failure) -> outcomes.count(answer, failure) && n % 10 == 0 ? answer : null)
                    .thenCompose(sampled -> {
                        if (sampled == null) {
                            return CompletableFuture.completedFuture(null);
                        }
                        long answeredAt = System.nanoTime();
                        long position = LedgerHttp.JSON
                                .readTree(sampled.body())
                                .get("position")
                                .asLong();
                        answered.add(new long[] {position, answeredAt});
                        return http.sendAsync(
                                        LedgerHttp.request(
                                                "GET",
                                                queryUrl + "/api/v1/cycles/" + plan.ffy()
                                                        + "/indicators/SPM-2/comparison?minPosition=" + position,
                                                analyst,
                                                null,
                                                null),
                                        HttpResponse.BodyHandlers.discarding())
                                .handle((read, failure) -> {
                                    lags.add(System.nanoTime() - answeredAt);
                                    if (failure != null || read.statusCode() != 200) {
                                        late.incrementAndGet();
                                    }
                                    return null;
                                });
                    })
                    .exceptionally(unreadable -> {
                        late.incrementAndGet(); // a sampled answer without its position: no read was made
                        return null;
                    });
        });
        Phase toRead = new Phase(
                outcomes.accepted.get(),
                seconds,
                sorted(lags),
                outcomes.refused.get(),
                outcomes.lost.get(),
                late.get());
        Phase toTopic = toTopic(answered, seconds);
        if (arrivals != null) {
            arrivals.stopListening();
        }
        return new Lag(toRead, toTopic);
    }

    /** From each answer until its event reached the topic; an event that never did counts as late, at the phase's end. */
    private Phase toTopic(ConcurrentLinkedQueue<long[]> answered, double seconds) {
        if (arrivals == null) {
            return Phase.rows(0, seconds);
        }
        long end = System.nanoTime();
        long missing = 0;
        ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
        for (long[] sample : answered) {
            Long arrived = arrivals.arrivedAt(sample[0]);
            if (arrived == null) {
                missing++;
            }
            delays.add(Math.max(0, (arrived == null ? end : arrived) - sample[1]));
        }
        return new Phase(answered.size(), seconds, sorted(delays), 0, 0, missing);
    }

    /**
     * Sends the schedule's requests, each when due, and waits for the last to complete (each times out at the latest);
     * answers the seconds the sending took.
     */
    private static double schedule(Duration duration, int perSecond, Send send) throws InterruptedException {
        Semaphore window = new Semaphore(WINDOW);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (long n = 0; n * interval < duration.toNanos(); n++) {
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // the open loop's schedule
            }
            window.acquire();
            try {
                send.send(n, due).whenComplete((done, failure) -> window.release());
            } catch (RuntimeException e) {
                window.release(); // a request that could not be made counts as nothing sent
                throw e;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!window.tryAcquire(WINDOW, LedgerHttp.REQUEST_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
            System.err.println("requests still in flight after their timeout; the phase ends without them");
        }
        return seconds;
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}

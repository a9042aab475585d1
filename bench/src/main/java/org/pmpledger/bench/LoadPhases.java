package org.pmpledger.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.pmpledger.bench.BenchPlans.Plan;
import org.pmpledger.testsupport.TestTokens;

/**
 * The load the command benchmark puts on the services, phase by phase: closed-loop commands (P1), bulk ingest (P3),
 * commands at a steady rate with the command-to-query lag of each (P5), the warm-up that runs them all, and the drain
 * that waits for the query side between them. The commands go to the command service and plans last chosen by
 * {@link #use}; the reads to the query service.
 */
final class LoadPhases {

    /** The closed loop's concurrent clients (and the connections of the raw single-row limit next to it). */
    static final int CLIENTS = 16;

    /** Plans every client sends one in ten of its commands to, for {@link #SHARED_FOR} before the next ones take over. */
    private static final int SHARED_PLANS = 4;

    private static final long SHARED_FOR = Duration.ofSeconds(10).toNanos();

    /** Tactics the load adds to a plan at most; then it records progress there (plans hold a few dozen in the field). */
    private static final int TACTICS_PER_PLAN = 50;

    private final HttpClient http;
    private final LedgerHttp ledger;
    private final TestTokens tokens;
    private final Callers callers;
    private final String app;
    private final String queryUrl;
    private final FixedRateLoad fixedRate;
    private String commandUrl;
    private List<Plan> plans;

    /**
     * @param callers who sends the commands
     * @param app the token of the statewide application that marks where the query side must catch up to
     */
    LoadPhases(
            LedgerHttp ledger,
            TestTokens tokens,
            Callers callers,
            String app,
            String queryUrl,
            TopicArrivals arrivals) {
        this.http = ledger.client();
        this.ledger = ledger;
        this.tokens = tokens;
        this.callers = callers;
        this.app = app;
        this.queryUrl = queryUrl;
        this.fixedRate = new FixedRateLoad(http, this, tokens.analyst(), queryUrl, arrivals);
    }

    /** The plans the phases' commands go to. */
    List<Plan> plans() {
        return plans;
    }

    /** The phases' commands go to the command service at {@code commandUrl}, for its approved {@code plans}. */
    void use(String commandUrl, List<Plan> plans) {
        this.commandUrl = commandUrl;
        this.plans = plans;
    }

    /** A RecordQuarterlyProgress for the plan: its next quarter first, then corrections (with a reason). */
    HttpRequest recordProgress(Plan plan) {
        int n = plan.recordings().getAndIncrement();
        String quarter = "Q" + (n % 4 + 1);
        String body = "{\"value\":" + (55 + ThreadLocalRandom.current().nextInt(400) / 10.0)
                + ",\"narrative\":\"Quarterly update " + n + "\"" + (n >= 4 ? ",\"reason\":\"CDR refresh\"" : "") + "}";
        return LedgerHttp.request(
                "PUT",
                commandUrl + "/api/v1/plans/" + plan.id() + "/entries/" + plan.entryId() + "/progress/" + quarter,
                callers.anyFor(plan.lcsa()),
                body,
                plan.ffy() + "-07-15T17:00:00Z");
    }

    private HttpRequest addTactic(Plan plan) {
        plan.tactics().incrementAndGet();
        String body = "{\"entryId\":\"" + plan.entryId()
                + "\",\"title\":\"Outreach call round\",\"leads\":[\"Case manager\"],"
                + "\"description\":\"Call every case with a missed payment\",\"projectedCompletion\":\"" + plan.ffy()
                + "-09-30\","
                + "\"initiative\":\"1\"}";
        return LedgerHttp.request(
                "POST",
                commandUrl + "/api/v1/plans/" + plan.id() + "/tactics",
                callers.anyFor(plan.lcsa()),
                body,
                plan.ffy() + "-07-15T17:00:00Z");
    }

    /**
     * 16 clients, each sending its next command as soon as the last one answered: RecordQuarterlyProgress or AddTactic,
     * mostly on its own plans, one in ten on the 4 plans every client shares for the time being. Measures the rate the server sustains; its
     * latencies wait on the last answer (coordinated omission), so latency comes from {@link #openLoop}.
     */
    Phase closedLoop(Duration duration) throws Exception {
        return clients(CLIENTS, duration, id -> {
            List<Plan> own = ownPlans(id);
            return () -> new Sent(mixed(own), 1);
        });
    }

    /** Client {@code id}'s own plans: every 16th. */
    private List<Plan> ownPlans(int id) {
        List<Plan> own = new ArrayList<>();
        for (int i = id; i < plans.size(); i += CLIENTS) {
            own.add(plans.get(i));
        }
        return own;
    }

    /**
     * P1's mix: RecordQuarterlyProgress or AddTactic alike (progress only on a plan given its share of tactics), on one
     * of {@code own} or, one in ten, on one of the plans shared for the time being (the next 4 every 10 s).
     */
    HttpRequest mixed(List<Plan> own) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Plan plan;
        if (random.nextInt(10) == 0) {
            long window = System.nanoTime() / SHARED_FOR;
            plan = plans.get((int) ((window * SHARED_PLANS + random.nextInt(SHARED_PLANS)) % plans.size()));
        } else {
            plan = own.get(random.nextInt(own.size()));
        }
        return random.nextBoolean() || plan.tactics().get() >= TACTICS_PER_PLAN
                ? recordProgress(plan)
                : addTactic(plan);
    }

    /** P1's mix sent open-loop at {@code perSecond}; latency from each request's scheduled send (see {@link FixedRateLoad}). */
    Phase openLoop(Duration duration, int perSecond) throws Exception {
        List<List<Plan>> own = new ArrayList<>();
        for (int id = 0; id < CLIENTS; id++) {
            own.add(ownPlans(id));
        }
        return fixedRate.commands(duration, perSecond, n -> mixed(own.get((int) (n % CLIENTS))));
    }

    /** RecordQuarterlyProgress at {@code perSecond}, and the command-to-query lag of one in ten (see {@link FixedRateLoad}). */
    FixedRateLoad.Lag steadyLag(Duration duration, int perSecond) throws Exception {
        return fixedRate.lag(duration, perSecond);
    }

    /** Four clients sending batches of recordings, each batch over its own plans. */
    Phase bulk(Duration duration, int size) throws Exception {
        int clients = 4;
        return clients(clients, duration, id -> {
            List<Plan> own = new ArrayList<>();
            for (int i = id; i < plans.size(); i += clients) {
                own.add(plans.get(i));
            }
            return () -> {
                StringBuilder body = new StringBuilder("{\"items\":[");
                for (int i = 0; i < size; i++) {
                    Plan plan = own.get(i % own.size());
                    int n = plan.recordings().getAndIncrement();
                    body.append(i == 0 ? "" : ",")
                            .append("{\"planId\":\"")
                            .append(plan.id())
                            .append("\",\"entryId\":\"")
                            .append(plan.entryId())
                            .append("\",\"quarter\":\"Q")
                            .append(n % 4 + 1)
                            .append("\",\"value\":")
                            .append(50 + n % 40)
                            .append(",\"narrative\":\"Bulk ")
                            .append(n)
                            .append('"')
                            .append(n >= 4 ? ",\"reason\":\"CDR refresh\"}" : "}");
                }
                body.append("]}");
                return new Sent(
                        LedgerHttp.request(
                                "POST",
                                commandUrl + "/api/v1/progress-batches",
                                app, // a statewide application: a batch spans agencies
                                body.toString(),
                                BenchPlans.FFYS.getLast() + "-07-15T17:00:00Z"),
                        size);
            };
        });
    }

    /** A client's next request and how many commands it carries. */
    private record Sent(HttpRequest request, int commands) {}

    /**
     * Closed-loop clients for a duration: each sends its next request as soon as the last one answered. Counts the
     * commands of every 2xx, the 4xx refused and the requests lost (a 5xx, a timeout, a broken connection: the client
     * goes on with its next), and the latency of each accepted request.
     *
     * @param clientOf for client {@code i}, where its next request comes from
     */
    private Phase clients(int clients, Duration duration, IntFunction<Supplier<Sent>> clientOf) throws Exception {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong commands = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int client = 0; client < clients; client++) {
            Supplier<Sent> next = clientOf.apply(client);
            Thread.ofPlatform().start(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        Sent sent = next.get();
                        long sentAt = System.nanoTime();
                        try {
                            HttpResponse<String> answer =
                                    http.send(sent.request(), HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() / 100 == 2) {
                                mine.add(System.nanoTime() - sentAt);
                                commands.addAndGet(sent.commands());
                            } else {
                                (answer.statusCode() / 100 == 4 ? refused : lost).incrementAndGet();
                                System.err.println("answered " + answer.statusCode() + ": " + answer.body());
                            }
                        } catch (IOException e) {
                            lost.incrementAndGet(); // a timeout or a broken connection: the next request goes on
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                    done.countDown();
                }
            });
        }
        done.await();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Phase(commands.get(), (System.nanoTime() - start) / 1e9, all, refused.get(), lost.get(), 0);
    }

    /**
     * Every path the phases take, until the JIT has compiled them ({@code -Dbench.warmup=SECONDS}, default 60): with 2
     * cores, C2 shares the CPU with the load, and a service still running profiled tier-3 code measures its compiler.
     * Two thirds closed-loop commands, one sixth bulk requests, one sixth steady commands with comparison reads.
     */
    void warmUp(Duration duration) throws Exception {
        long start = System.nanoTime();
        Phase commands = closedLoop(duration.multipliedBy(2).dividedBy(3));
        bulk(duration.dividedBy(6), 500);
        awaitQuerySide();
        steadyLag(duration.dividedBy(6), (int) Math.min(1000, Math.max(10, 0.5 * commands.perSecond())));
        System.out.printf(
                "warm-up: %.0f s, %,.0f commands/s in its closed loop%n",
                (System.nanoTime() - start) / 1e9, commands.perSecond());
    }

    /** Until the statewide comparison reflects every event written so far (a backlog drains first). */
    void awaitQuerySide() {
        String analyst = tokens.analyst();
        Plan last = plans.getLast();
        long latest = LedgerHttp.expect(
                        ledger.send(
                                "POST",
                                commandUrl + "/api/v1/plans/" + last.id() + "/tactics",
                                app,
                                "{\"entryId\":\"" + last.entryId()
                                        + "\",\"title\":\"Drain marker\",\"leads\":[\"Bench\"],\"projectedCompletion\":\""
                                        + last.ffy() + "-09-30\",\"initiative\":\"1\"}",
                                last.ffy() + "-07-15T17:00:00Z"),
                        201)
                .get("position")
                .asLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) { // each read waits up to 5 s for the position, then answers 503
            HttpResponse<String> read = ledger.send(
                    "GET",
                    queryUrl + "/api/v1/cycles/" + last.ffy() + "/indicators/SPM-2/comparison?minPosition=" + latest,
                    analyst,
                    null,
                    null);
            if (read.statusCode() == 200) {
                return;
            }
        }
    }
}

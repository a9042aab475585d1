package org.pmpledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.TestTokens;

/**
 * The plans the command benchmark loads: a planning cycle for each of its FFYs, and in each an approved plan for every
 * demo agency (infra/demo-data/agencies.txt), drafted, submitted and approved through the command service's API.
 */
final class BenchPlans {

    /**
     * The FFYs of the benchmark's cycles, one planning cycle each: 20 years of the ledger, so that the load spreads over
     * 980 plans and each ends a run with a few dozen tactics, as plans in the field hold, not hundreds.
     */
    static final List<Integer> FFYS = IntStream.rangeClosed(2050, 2069).boxed().toList();

    /**
     * A plan approved for the benchmark, with one entry; counts its recordings (to choose first or correction) and the
     * tactics sent to it.
     */
    record Plan(String id, String entryId, int ffy, String lcsa, AtomicInteger recordings, AtomicInteger tactics) {

        Plan(String id, String entryId, int ffy, String lcsa) {
            this(id, entryId, ffy, lcsa, new AtomicInteger(), new AtomicInteger());
        }

        /** The same plan on another server, where nothing has been recorded yet. */
        Plan elsewhere() {
            return new Plan(id, entryId, ffy, lcsa);
        }
    }

    private final LedgerHttp http;
    private final TestTokens tokens;
    private final String app;

    /** @param app the token of the application that drafts and submits the plans */
    BenchPlans(LedgerHttp http, TestTokens tokens, String app) {
        this.http = http;
        this.tokens = tokens;
        this.app = app;
    }

    /** The cycles opened and every agency's plans approved on the command service at {@code commandUrl}, by id. */
    List<Plan> approved(String commandUrl) throws Exception {
        List<String[]> agencies = Files.readAllLines(
                        Path.of(System.getProperty("pmp.root", "..")).resolve("infra/demo-data/agencies.txt"))
                .stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .toList();
        for (int ffy : FFYS) {
            LedgerHttp.expect(
                    http.send(
                            "POST",
                            commandUrl + "/api/v1/cycles",
                            app,
                            LedgerHttp.JSON.writeValueAsString(Ffy2022.openCycle(ffy)),
                            (ffy - 1) + "-08-01T17:00:00Z"),
                    201);
        }
        List<Plan> plans = new ArrayList<>();
        List<Runnable> work = new ArrayList<>();
        for (int ffy : FFYS) {
            for (String[] agency : agencies) {
                work.add(() -> {
                    Plan plan = approvedPlan(commandUrl, ffy, agency[0], agency[1]);
                    synchronized (plans) {
                        plans.add(plan);
                    }
                });
            }
        }
        inParallel(work);
        plans.sort(Comparator.comparing(Plan::id));
        return plans;
    }

    private Plan approvedPlan(String commandUrl, int ffy, String lcsa, String region) {
        String ra = tokens.token("bench-ra-" + region, List.of("REGIONAL_ADMIN"), null, region);
        String drafted = (ffy - 1) + "-08-20T17:00:00Z";
        String planId = LedgerHttp.expect(
                        http.send(
                                "POST",
                                commandUrl + "/api/v1/plans",
                                app,
                                "{\"ffy\":" + ffy + ",\"lcsa\":\"" + lcsa + "\"}",
                                drafted),
                        201)
                .get("id")
                .asString();
        String entryId = LedgerHttp.expect(
                        http.send(
                                "POST",
                                commandUrl + "/api/v1/plans/" + planId + "/entries",
                                app,
                                LedgerHttp.JSON.writeValueAsString(Ffy2022.entryForInitiative1()),
                                drafted),
                        201)
                .get("id")
                .asString();
        LedgerHttp.expect(
                http.send(
                        "POST",
                        commandUrl + "/api/v1/plans/" + planId + "/submission",
                        app,
                        null,
                        (ffy - 1) + "-09-01T17:00:00Z"),
                200);
        LedgerHttp.expect(
                http.send(
                        "POST",
                        commandUrl + "/api/v1/plans/" + planId + "/review",
                        ra,
                        "{\"decision\":\"APPROVE\"}",
                        (ffy - 1) + "-09-10T17:00:00Z"),
                200);
        return new Plan(planId, entryId, ffy, lcsa);
    }

    /** The work in random order, on as many threads as the load has clients; fails on the first task that fails. */
    private static void inParallel(List<Runnable> work) throws InterruptedException {
        List<Runnable> shuffled = new ArrayList<>(work);
        Collections.shuffle(shuffled);
        try (ExecutorService pool = Executors.newFixedThreadPool(LoadPhases.CLIENTS)) {
            List<Future<?>> futures = new ArrayList<>();
            shuffled.forEach(task -> futures.add(pool.submit(task)));
            for (var future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}

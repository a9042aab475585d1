package org.pmpledger.bench;

import java.util.List;
import java.util.Map;

/** The command benchmark's results as Markdown tables: the goals, the CPU per command, the side-by-side comparison. */
final class BenchReport {

    private BenchReport() {}

    /** Each measure next to its goal, and whether the run reached it. */
    static String table(CommandPathMeasures m, HighestRss rss, ChainLinks chain, ServiceFailures failures) {
        StringBuilder t = new StringBuilder();
        int rounds = m.p1().phases().size();
        t.append("| measure (median of %d rounds; each round) | value | goal | reached |%n|---|---|---|---|%n"
                .formatted(rounds));
        t.append(String.format(
                "| raw PostgreSQL: single-row INSERT + COMMIT into the event store (its table and triggers), pool %d, %d clients | %,.0f rows/s (%s) | | |%n",
                PostgresLimits.SERVICE_POOL,
                LoadPhases.CLIENTS,
                m.rawRows().medianRate(),
                m.rawRows().rates()));
        t.append(String.format(
                "| raw HTTP + commit: the same requests from the same clients to the JDK's HTTP server, Jackson, one event row committed each through a pool of %d | %,.0f commands/s (%s)%s | | |%n",
                PostgresLimits.SERVICE_POOL,
                m.rawHttp().medianRate(),
                m.rawHttp().rates(),
                m.rawHttp().caveats()));
        t.append(String.format(
                "| stock Axon: the same requests and decisions (PlanState, ProgressDecisions, TacticDecisions) on the same plans, axon-spring-boot-starter's defaults, no authorization | %,.0f commands/s (%s)%s | | |%n",
                m.stock().medianRate(), m.stock().rates(), m.stock().caveats()));
        double toRawHttp = m.p1().medianRatioTo(m.rawHttp());
        double toStock = m.p1().medianRatioTo(m.stock());
        t.append(String.format(
                "| P1: HTTP commands, %d closed-loop clients (RecordQuarterlyProgress + AddTactic) | %,.0f commands/s (%s)%s | ≥ 0.5× raw HTTP + commit | %.2f× %s |%n",
                LoadPhases.CLIENTS,
                m.p1().medianRate(),
                m.p1().rates(),
                m.p1().caveats(),
                toRawHttp,
                toRawHttp >= 0.5 ? "yes" : "no"));
        t.append(String.format(
                "| P1 against stock Axon | | ≥ 3× stock Axon | %.2f× %s |%n", toStock, toStock >= 3 ? "yes" : "no"));
        t.append(String.format(
                "| P1 against raw single-row commits (not a goal) | | | %.2f× |%n", m.p1().medianRatioTo(m.rawRows())));
        t.append(String.format(
                "| P1 latency, open loop at %,d commands/s (80 %% of P1), from each request's scheduled send | p50 %.1f ms, p99 %.1f ms, max %.0f ms%s | | |%n",
                m.p1OpenRate(),
                m.p1Open().percentileMillis(0.5),
                m.p1Open().percentileMillis(0.99),
                m.p1Open().percentileMillis(1),
                m.p1Open().caveats()));
        t.append(String.format(
                "| raw PostgreSQL: 100-row batched INSERTs into the event store, 4 clients | %,.0f rows/s (%s) | | |%n",
                m.rawBatched().medianRate(), m.rawBatched().rates()));
        double bulk = m.p3().medianRatioTo(m.rawBatched());
        t.append(String.format(
                "| P3: bulk ingest, 4 clients, 500 recordings per request, all or nothing | %,.0f events/s (%s)%s | ≥ 0.5× raw batched | %.2f× %s |%n",
                m.p3().medianRate(), m.p3().rates(), m.p3().caveats(), bulk, bulk >= 0.5 ? "yes" : "no"));
        t.append(lag("P5", m.p5(), m.p5Rate(), "80 % of P1", 250));
        t.append(lag("P5 light", m.p5light(), m.p5lightRate(), "a tenth of P1", 50));
        long commandRss = rss.commandMib();
        long queryRss = rss.queryMib();
        t.append(String.format(
                "| P7: highest RSS under load, command / query (%s) | %d MB / %d MB | < 512 MB each | %s |%n",
                String.join(" ", ServiceLaunch.SERVICE_JVM),
                commandRss,
                queryRss,
                commandRss < 512 && queryRss < 512 ? "yes" : "no"));
        t.append(String.format(
                "| P7: start-up to healthy, command / query, median of %d starts beside the running stack (each) | %.1f s (%s) / %.1f s (%s) | < 5 s each | %s |%n",
                StartupTimes.STARTS,
                m.commandStarts().median().toMillis() / 1e3,
                m.commandStarts().each(),
                m.queryStarts().median().toMillis() / 1e3,
                m.queryStarts().each(),
                m.commandStarts().median().toMillis() < 5000
                                && m.queryStarts().median().toMillis() < 5000
                        ? "yes"
                        : "no"));
        t.append(String.format(
                "| audit: hash chain links broken after the run | %,d of %,d events | 0 | %s |%n",
                chain.broken(), chain.events(), chain.broken() == 0 ? "yes" : "no"));
        t.append(String.format(
                "| services whole: threads that died in their logs (of them OutOfMemoryError) | %,d (%,d) | 0 | %s |%n",
                failures.threadsDied(), failures.outOfMemory(), failures.none() ? "yes" : "no"));
        return t.toString();
    }

    private static String lag(String name, FixedRateLoad.Lag lag, int offered, String share, int goalMillis) {
        Phase phase = lag.toRead();
        double p99 = phase.percentileMillis(0.99);
        return String.format(
                "| %s: command → comparison lag at %,d commands/s (%s), open loop; of it, answer → on the topic | p50 %.1f ms, p99 %.1f ms%s; to the topic p50 %.1f ms, p99 %.1f ms%s | p99 < %d ms | %s |%n",
                name,
                offered,
                share,
                phase.percentileMillis(0.5),
                p99,
                phase.caveats(),
                lag.toTopic().percentileMillis(0.5),
                lag.toTopic().percentileMillis(0.99),
                lag.toTopic().late() == 0
                        ? ""
                        : String.format(" (%,d never arrived)", lag.toTopic().late()),
                goalMillis,
                p99 < goalMillis && phase.refused() == 0 && phase.lost() == 0 ? "yes" : "no");
    }

    /** Milliseconds of CPU per command (P3: per recorded event) of each part of the box, and how busy the box was. */
    static String cpuTable(PhaseCosts costs, Map<String, Phase> phases) {
        Map<String, CpuUse.Used> cpuOf = costs.cpuOf();
        Map<String, Double> requestsPerGroup = costs.requestsPerGroup();
        StringBuilder t =
                new StringBuilder("| CPU ms per command | " + String.join(" | ", cpuOf.keySet()) + " |\n|---|");
        t.append("---|".repeat(cpuOf.size())).append('\n');
        for (String part : CpuUse.PARTS) {
            t.append("| ").append(part).append(" |");
            cpuOf.forEach((phase, used) -> {
                Double ms = used.perCommand(phases.get(phase).commands()).get(part);
                t.append(ms == null ? " – |" : String.format(" %.2f |", ms)); // no such part in that phase
            });
            t.append('\n');
        }
        t.append("| **all of the box** |");
        cpuOf.forEach((phase, used) -> t.append(String.format(
                " **%.2f** |", used.machine() * 1000 / phases.get(phase).commands())));
        t.append("\n| cores busy (of %d) |".formatted(Runtime.getRuntime().availableProcessors()));
        cpuOf.forEach((phase, used) -> t.append(
                String.format(" %.2f |", used.machine() / phases.get(phase).seconds())));
        t.append("\n| requests per transaction (group commit) |");
        cpuOf.keySet()
                .forEach(phase -> t.append(
                        requestsPerGroup.containsKey(phase)
                                ? String.format(" %.1f |", requestsPerGroup.get(phase))
                                : " – |"));
        t.append('\n');
        return t.toString();
    }

    /**
     * P1 of the command service as configured (A) next to one started with {@code settings} (B): each one's windows
     * merged, and the CPU each part used in them.
     */
    static String sideBySide(String settings, Phase a, Phase b, List<CpuUse.Used> cpuOfA, List<CpuUse.Used> cpuOfB) {
        List<Phase> merged = List.of(a, b);
        List<List<CpuUse.Used>> cpu = List.of(cpuOfA, cpuOfB);
        StringBuilder t = new StringBuilder(
                "| P1 side by side, same run | A: as configured | B: " + settings + " |\n|---|---|---|\n");
        t.append(String.format("| commands/s | %,.0f | %,.0f |%n", a.perSecond(), b.perSecond()));
        t.append(String.format(
                "| p50 / p99, closed loop (each waits on the one before) | %.1f / %.1f ms | %.1f / %.1f ms |%n",
                a.percentileMillis(0.5), a.percentileMillis(0.99), b.percentileMillis(0.5), b.percentileMillis(0.99)));
        for (String part : List.of("command-service", "query-service", "PostgreSQL")) {
            t.append("| CPU ms per command: ").append(part).append(" |");
            for (int i = 0; i < 2; i++) {
                double seconds = cpu.get(i).stream()
                        .mapToDouble(used -> used.seconds().get(part))
                        .sum();
                t.append(String.format(" %.2f |", seconds * 1000 / merged.get(i).commands()));
            }
            t.append('\n');
        }
        t.append("| CPU ms per command: all of the box |");
        for (int i = 0; i < 2; i++) {
            t.append(String.format(
                    " %.2f |",
                    cpu.get(i).stream().mapToDouble(CpuUse.Used::machine).sum()
                            * 1000
                            / merged.get(i).commands()));
        }
        t.append('\n');
        return t.toString();
    }
}

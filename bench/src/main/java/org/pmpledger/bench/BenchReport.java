package org.pmpledger.bench;

import java.util.List;
import java.util.Map;

import org.pmpledger.testsupport.RunningService;

/** The command benchmark's results as Markdown tables: the goals, the CPU per command, the side-by-side comparison. */
final class BenchReport {

    private BenchReport() {}

    /** Each measure next to its goal, and whether the run reached it. */
    static String table(
            double rawSingle,
            double rawBatched,
            Phase p1,
            Phase p3,
            Phase p5,
            Phase p5light,
            RunningService command,
            RunningService query,
            HighestRss rss,
            ChainLinks chain) {
        StringBuilder t = new StringBuilder();
        t.append("| measure | value | goal | reached |\n|---|---|---|---|\n");
        t.append(String.format(
                "| raw PostgreSQL: single-row INSERT + COMMIT, %d connections | %,.0f rows/s | | |%n",
                LoadPhases.CLIENTS, rawSingle));
        t.append(String.format("| raw PostgreSQL: 100-row batched INSERTs | %,.0f rows/s | | |%n", rawBatched));
        t.append(String.format(
                "| P1: HTTP commands, %d clients (RecordQuarterlyProgress + AddTactic) | %,.0f commands/s, p50 %.1f ms, p99 %.1f ms | ≥ 0.5× raw single-row | %.2f× %s |%n",
                LoadPhases.CLIENTS,
                p1.perSecond(),
                p1.percentileMillis(0.5),
                p1.percentileMillis(0.99),
                p1.perSecond() / rawSingle,
                p1.perSecond() >= 0.5 * rawSingle ? "yes" : "no"));
        t.append(String.format(
                "| P3: bulk ingest, 500 recordings per request, all or nothing | %,.0f events/s | ≥ 0.5× raw batched | %.2f× %s |%n",
                p3.perSecond(), p3.perSecond() / rawBatched, p3.perSecond() >= 0.5 * rawBatched ? "yes" : "no"));
        t.append(String.format(
                "| P5: command → comparison lag at %,.0f commands/s | p50 %.1f ms, p99 %.1f ms | p99 < 250 ms | %s |%n",
                p5.perSecond(),
                p5.percentileMillis(0.5),
                p5.percentileMillis(0.99),
                p5.percentileMillis(0.99) < 250 ? "yes" : "no"));
        t.append(String.format(
                "| P5 light: the same lag at %,.0f commands/s (a tenth of P1; not a goal of the issue) | p50 %.1f ms, p99 %.1f ms | | |%n",
                p5light.perSecond(), p5light.percentileMillis(0.5), p5light.percentileMillis(0.99)));
        long commandRss = rss.commandMib();
        long queryRss = rss.queryMib();
        t.append(String.format(
                "| P7: highest RSS under load, command / query (%s) | %d MB / %d MB | < 512 MB each | %s |%n",
                String.join(" ", ServiceLaunch.SERVICE_JVM),
                commandRss,
                queryRss,
                commandRss < 512 && queryRss < 512 ? "yes" : "no"));
        t.append(String.format(
                "| P7: start-up to healthy, command / query | %.1f s / %.1f s | < 5 s each | %s |%n",
                command.startup().toMillis() / 1e3,
                query.startup().toMillis() / 1e3,
                command.startup().toSeconds() < 5 && query.startup().toSeconds() < 5 ? "yes" : "no"));
        t.append(String.format(
                "| audit: hash chain links broken after the run | %,d of %,d events | 0 | %s |%n",
                chain.broken(), chain.events(), chain.broken() == 0 ? "yes" : "no"));
        return t.toString();
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
                "| p50 / p99 | %.1f / %.1f ms | %.1f / %.1f ms |%n",
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

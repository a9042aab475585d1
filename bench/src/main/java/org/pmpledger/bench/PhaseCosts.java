package org.pmpledger.bench;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * What each measured phase cost: the CPU each part of the box used during it (in the order the phases ran), and how many
 * requests the command service decided per transaction (group commit), read from its metrics before and after.
 */
final class PhaseCosts {

    private final CpuUse cpu;
    private final LedgerHttp http;
    private final String app;
    private final String commandUrl;
    private final Map<String, CpuUse.Used> cpuOf = new LinkedHashMap<>();
    /** {groups, requests} each measure's phases committed. */
    private final Map<String, double[]> groups = new HashMap<>();

    /** @param app a token the command service's actuator answers */
    PhaseCosts(CpuUse cpu, LedgerHttp http, String app, String commandUrl) {
        this.cpu = cpu;
        this.http = http;
        this.app = app;
        this.commandUrl = commandUrl;
    }

    /** Each measure's CPU (its rounds together), by name, in the order the measures first ran. */
    Map<String, CpuUse.Used> cpuOf() {
        return cpuOf;
    }

    /** Requests per group commit, by measure; none for a measure without group commits. */
    Map<String, Double> requestsPerGroup() {
        Map<String, Double> perGroup = new HashMap<>();
        groups.forEach((name, g) -> perGroup.put(name, g[1] / g[0]));
        return perGroup;
    }

    /**
     * Runs a phase and keeps what CPU each part of the box used during it, and how many requests the command service
     * decided per transaction (group commit); a measure run in rounds adds each round to its name.
     */
    Phase measured(String name, Callable<Phase> phase) throws Exception {
        return measured(name, phase, p -> p);
    }

    /** {@link #measured(String, Callable)} of work whose outcome holds the phase ({@code phaseOf}); answers the outcome. */
    <T> T measured(String name, Callable<T> work, Function<T, Phase> phaseOf) throws Exception {
        double[] groupsBefore = groupSizes();
        CpuUse.Snapshot before = cpu.take();
        T outcome = work.call();
        Phase measured = phaseOf.apply(outcome);
        CpuUse.Used used = CpuUse.between(before, cpu.take());
        double[] groupsAfter = groupSizes();
        cpuOf.merge(name, used, CpuUse.Used::plus);
        double committed = groupsAfter[0] - groupsBefore[0];
        if (committed > 0) {
            groups.merge(name, new double[] {committed, groupsAfter[1] - groupsBefore[1]}, (a, b) ->
                    new double[] {a[0] + b[0], a[1] + b[1]});
        }
        System.out.printf(
                "%s: %,.0f/s%s; CPU ms each %s; machine %.2f cores busy, steal %.2f; %.1f requests per group commit%n",
                name,
                measured.perSecond(),
                measured.caveats(),
                used.perCommand(measured.commands()),
                used.machine() / measured.seconds(),
                used.steal() / measured.seconds(),
                committed > 0 ? (groupsAfter[1] - groupsBefore[1]) / committed : Double.NaN);
        return outcome;
    }

    /** {count, total} of the command service's {@code pmp.commands.group.size} summary; zeros without group commit. */
    private double[] groupSizes() {
        HttpResponse<String> answer =
                http.send("GET", commandUrl + "/actuator/metrics/pmp.commands.group.size", app, null, null);
        double[] countAndTotal = new double[2];
        if (answer.statusCode() == 200) {
            for (JsonNode measurement : LedgerHttp.JSON.readTree(answer.body()).get("measurements")) {
                switch (measurement.get("statistic").asString()) {
                    case "COUNT" -> countAndTotal[0] = measurement.get("value").asDouble();
                    case "TOTAL" -> countAndTotal[1] = measurement.get("value").asDouble();
                    default -> {}
                }
            }
        }
        return countAndTotal;
    }
}

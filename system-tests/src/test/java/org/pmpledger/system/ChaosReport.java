package org.pmpledger.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pmpledger.system.ChaosStack.Part;

/** The fault table: for each part killed, what was acknowledged, what the checks found, and how long recovery took. */
final class ChaosReport {

    /** One fault's outcome. Durations: the part down (kill to answering again), then its first command and read. */
    record Row(
            Part part,
            int acknowledged,
            long missing,
            long storedTwice,
            List<String> unlikeHistory,
            List<String> unlikeRebuild,
            boolean chainVerified,
            int hung,
            Duration down,
            Duration firstCommand,
            Duration firstFreshRead) {

        /** What misses a goal: any loss, duplicate, difference, broken chain, hung request or slow recovery. */
        List<String> problems(Duration recoveryGoal) {
            List<String> problems = new ArrayList<>();
            if (missing > 0) {
                problems.add(missing + " acknowledged requests missing from the event store");
            }
            if (storedTwice > 0) {
                problems.add(storedTwice + " acknowledged requests stored twice");
            }
            unlikeHistory.forEach(d -> problems.add("read model unlike its history: " + d));
            unlikeRebuild.forEach(d -> problems.add("read model unlike a rebuild: " + d));
            if (!chainVerified) {
                problems.add("the hash chain does not verify");
            }
            if (hung > 0) {
                problems.add(hung + " requests unanswered past " + MixedLoad.HUNG.toSeconds() + " s");
            }
            if (firstCommand.compareTo(recoveryGoal) > 0 || firstFreshRead.compareTo(recoveryGoal) > 0) {
                problems.add("recovery past " + recoveryGoal.toSeconds() + " s");
            }
            return problems;
        }
    }

    private ChaosReport() {}

    static String table(List<Row> rows, Duration load, Duration recoveryGoal) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                "%nFaults under load (kill -9, then start again; %d s of load before and after each)%n",
                load.toSeconds()));
        table.append(String.format(
                Locale.ROOT,
                "| %-15s | %5s | %7s | %5s | %12s | %12s | %5s | %4s | %6s | %9s | %9s |%n",
                "part killed",
                "acked",
                "missing",
                "twice",
                "≠ history",
                "≠ rebuild",
                "chain",
                "hung",
                "down s",
                "command s",
                "read s"));
        table.append(
                "|-----------------|-------|---------|-------|--------------|--------------|-------|------|--------|"
                        + "-----------|-----------|\n");
        for (Row row : rows) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %-15s | %5d | %7d | %5d | %12d | %12d | %5s | %4d | %6.1f | %9.1f | %9.1f |%n",
                    row.part().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    row.acknowledged(),
                    row.missing(),
                    row.storedTwice(),
                    row.unlikeHistory().size(),
                    row.unlikeRebuild().size(),
                    row.chainVerified() ? "ok" : "BROKEN",
                    row.hung(),
                    seconds(row.down()),
                    seconds(row.firstCommand()),
                    seconds(row.firstFreshRead())));
        }
        table.append("down: kill until the part answers again (a service: healthy); command, read: from then until the"
                + " first acknowledged command and the first read showing a write made since\n");
        rows.forEach(row -> row.problems(recoveryGoal)
                .forEach(p -> table.append("  ")
                        .append(row.part())
                        .append(": ")
                        .append(p)
                        .append('\n')));
        return table.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}

package org.pmpledger.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What a load phase did: the commands the services accepted, in how many seconds, each request's latency (sorted), how
 * many requests were refused or lost, and how many reads answered late or failed (their elapsed time is among the
 * latencies all the same: a percentile that left them out would flatter exactly when the system falls behind).
 */
record Phase(long commands, double seconds, long[] latenciesNanos, long refused, long late) {

    /** The phases as one: their commands, seconds, refusals and late reads summed, their latencies together. */
    static Phase merged(List<Phase> phases) {
        return new Phase(
                phases.stream().mapToLong(Phase::commands).sum(),
                phases.stream().mapToDouble(Phase::seconds).sum(),
                phases.stream()
                        .flatMapToLong(p -> Arrays.stream(p.latenciesNanos()))
                        .sorted()
                        .toArray(),
                phases.stream().mapToLong(Phase::refused).sum(),
                phases.stream().mapToLong(Phase::late).sum());
    }

    double perSecond() {
        return commands / seconds;
    }

    double percentileMillis(double p) {
        return latenciesNanos.length == 0
                ? Double.NaN
                : latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.floor(latenciesNanos.length * p))]
                        / 1e6;
    }

    /** What a reader should know besides the figures: requests refused or lost, reads late or failed; else empty. */
    String caveats() {
        StringBuilder said = new StringBuilder();
        if (refused > 0) {
            said.append(String.format("; %,d refused or lost", refused));
        }
        if (late > 0) {
            said.append(String.format(
                    "; %,d of %,d reads late or failed, counted at their elapsed time", late, latenciesNanos.length));
        }
        return said.toString();
    }
}

package org.pmpledger.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What a load phase did: the commands the services accepted, in how many seconds, each request's latency (sorted), and
 * how many requests were refused or lost.
 */
record Phase(long commands, double seconds, long[] latenciesNanos, long refused) {

    /** The phases as one: their commands, seconds and refusals summed, their latencies together. */
    static Phase merged(List<Phase> phases) {
        return new Phase(
                phases.stream().mapToLong(Phase::commands).sum(),
                phases.stream().mapToDouble(Phase::seconds).sum(),
                phases.stream()
                        .flatMapToLong(p -> Arrays.stream(p.latenciesNanos()))
                        .sorted()
                        .toArray(),
                phases.stream().mapToLong(Phase::refused).sum());
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
}

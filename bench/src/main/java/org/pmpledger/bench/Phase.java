package org.pmpledger.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What a load phase did: the commands the server accepted, in how many seconds, each request's latency (sorted), how
 * many requests it refused (a 4xx answer), how many were lost (a 5xx answer, a timeout, a broken connection, an answer
 * that could not be read), and how many reads answered late or failed (their elapsed time is among the latencies all
 * the same: a percentile that left them out would flatter exactly when the system falls behind).
 */
record Phase(long commands, double seconds, long[] latenciesNanos, long refused, long lost, long late) {

    /** A phase of rows written (no latencies): a raw PostgreSQL measure. */
    static Phase rows(long rows, double seconds) {
        return new Phase(rows, seconds, new long[0], 0, 0, 0);
    }

    /** The phases as one: their commands, seconds, refusals, losses and late reads summed, their latencies together. */
    static Phase merged(List<Phase> phases) {
        return new Phase(
                phases.stream().mapToLong(Phase::commands).sum(),
                phases.stream().mapToDouble(Phase::seconds).sum(),
                phases.stream()
                        .flatMapToLong(p -> Arrays.stream(p.latenciesNanos()))
                        .sorted()
                        .toArray(),
                phases.stream().mapToLong(Phase::refused).sum(),
                phases.stream().mapToLong(Phase::lost).sum(),
                phases.stream().mapToLong(Phase::late).sum());
    }

    double perSecond() {
        return commands / seconds;
    }

    /** The nearest-rank percentile ({@code p} of 1) of the latencies, in milliseconds. */
    double percentileMillis(double p) {
        return percentileMillis(latenciesNanos, p);
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds; NaN for none. */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(sortedNanos.length * p);
        return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
    }

    /** What a reader should know besides the figures: requests refused or lost, reads late or failed; else empty. */
    String caveats() {
        StringBuilder said = new StringBuilder();
        if (refused > 0) {
            said.append(String.format("; %,d refused", refused));
        }
        if (lost > 0) {
            said.append(String.format("; %,d lost", lost));
        }
        if (late > 0) {
            said.append(String.format(
                    "; %,d of %,d reads late or failed, counted at their elapsed time", late, latenciesNanos.length));
        }
        return said.toString();
    }
}

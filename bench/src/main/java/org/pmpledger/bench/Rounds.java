package org.pmpledger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A measure taken in rounds, interleaved with the measures it is compared with (round 1 of each, then round 2, ...), so
 * that the machine's drift during the run weighs on all alike: its phases, their median rate, and the median of the
 * per-round ratios to another measure.
 */
final class Rounds {

    private final List<Phase> phases = new ArrayList<>();

    void add(Phase phase) {
        phases.add(phase);
    }

    List<Phase> phases() {
        return phases;
    }

    Phase merged() {
        return Phase.merged(phases);
    }

    double medianRate() {
        return median(phases.stream().mapToDouble(Phase::perSecond).toArray());
    }

    /** The median of this measure's rate over {@code other}'s, round by round. */
    double medianRatioTo(Rounds other) {
        double[] ratios = new double[Math.min(phases.size(), other.phases.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = phases.get(i).perSecond() / other.phases.get(i).perSecond();
        }
        return median(ratios);
    }

    /** Each round's rate, as "a / b / c". */
    String rates() {
        return String.join(
                " / ",
                phases.stream().map(p -> String.format("%,.0f", p.perSecond())).toList());
    }

    /** Requests refused or lost over all rounds, as the table says them; empty when none were. */
    String caveats() {
        return merged().caveats();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

package org.pmpledger.query.comparison;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.pmpledger.events.plan.Quarter;

/**
 * The statewide comparison of one Practice Indicator: each agency's figures and the statewide ones.
 * A pure computation over the agencies' measurements (the rules are written down in the README):
 * <ul>
 *   <li>latest: the value of the latest quarter that has one (corrections applied);</li>
 *   <li>change: latest − baseline; share: (latest − baseline) / (target − baseline), which is
 *       direction-aware by itself; null when baseline, target or latest is missing, or when the
 *       target equals the baseline (no distance to cover);</li>
 *   <li>status: NO_DATA without baseline, target or a value; MET when latest is at or beyond the
 *       target in the indicator's direction; else against linear progress expected by the latest
 *       quarter q (q/4 of the distance): ON_TRACK when share ≥ q/4 − 0.10, AT_RISK when share ≥
 *       q/4 − 0.35, else OFF_TRACK (also when target = baseline and it is not met);</li>
 *   <li>rank: by latest value in the indicator's direction, 1 = best, ties share the better rank
 *       ("1, 2, 2, 4"); quartile: 1 (best) to 4 against the statewide cut-offs of latest values;</li>
 *   <li>statewide: over latest values; percentiles by linear interpolation between closest ranks
 *       (the "type 7" of Hyndman and Fan, as spreadsheets' PERCENTILE.INC).</li>
 * </ul>
 */
public final class IndicatorComparison {

    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    public enum Status {
        MET,
        ON_TRACK,
        AT_RISK,
        OFF_TRACK,
        NO_DATA
    }

    /**
     * One quarter's value; corrected when it was recorded more than once.
     *
     * @param recordedAt when its value (the latest correction, if any) was recorded: how old it is
     */
    public record QuarterValue(BigDecimal value, boolean corrected, boolean late, Instant recordedAt) {}

    /** What one agency's plan measures for the indicator. */
    public record AgencyMeasure(
            String lcsa,
            String planId,
            String entryId,
            BigDecimal baseline,
            BigDecimal target,
            Map<String, QuarterValue> quarters) {}

    public record AgencyRow(
            String lcsa,
            String planId,
            String entryId,
            BigDecimal baseline,
            BigDecimal target,
            QuarterValue q1,
            QuarterValue q2,
            QuarterValue q3,
            QuarterValue q4,
            String latestQuarter,
            BigDecimal latest,
            BigDecimal change,
            BigDecimal share,
            Status status,
            Integer rank,
            Integer quartile) {}

    /**
     * @param reporting   agencies with a latest value
     * @param min         lowest latest value; max, mean, median likewise over latest values
     * @param p25         first-quartile cut-off of latest values (p50 = median, p75 third)
     * @param metTarget   agencies whose status is MET
     */
    public record Statewide(
            int agencies,
            int reporting,
            BigDecimal min,
            BigDecimal median,
            BigDecimal mean,
            BigDecimal max,
            BigDecimal p25,
            BigDecimal p50,
            BigDecimal p75,
            int metTarget,
            Map<Status, Integer> byStatus) {}

    public record Result(List<AgencyRow> agencies, Statewide statewide) {}

    private static final List<String> QUARTERS =
            Stream.of(Quarter.values()).map(Enum::name).toList();
    private static final BigDecimal ON_TRACK_SLACK = new BigDecimal("0.10");
    private static final BigDecimal AT_RISK_SLACK = new BigDecimal("0.35");
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final int SCALE = 4;

    private IndicatorComparison() {}

    public static Result compute(Direction direction, List<AgencyMeasure> measures) {
        List<AgencyRow> rows = new ArrayList<>();
        for (AgencyMeasure m : measures) {
            rows.add(row(direction, m));
        }
        List<BigDecimal> latest = rows.stream()
                .map(AgencyRow::latest)
                .filter(v -> v != null)
                .sorted()
                .toList();
        BigDecimal p25 = percentile(latest, 0.25);
        BigDecimal p50 = percentile(latest, 0.50);
        BigDecimal p75 = percentile(latest, 0.75);
        Comparator<BigDecimal> better =
                direction == Direction.HIGHER_IS_BETTER ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<AgencyRow> ranked = new ArrayList<>();
        for (AgencyRow r : rows) {
            Integer rank = null;
            Integer quartile = null;
            if (r.latest() != null) {
                rank = 1
                        + (int) latest.stream()
                                .filter(v -> better.compare(v, r.latest()) < 0)
                                .count();
                quartile = quartile(direction, r.latest(), p25, p50, p75);
            }
            ranked.add(new AgencyRow(
                    r.lcsa(),
                    r.planId(),
                    r.entryId(),
                    r.baseline(),
                    r.target(),
                    r.q1(),
                    r.q2(),
                    r.q3(),
                    r.q4(),
                    r.latestQuarter(),
                    r.latest(),
                    r.change(),
                    r.share(),
                    r.status(),
                    rank,
                    quartile));
        }
        ranked.sort(Comparator.comparing((AgencyRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(AgencyRow::lcsa));
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, (int) ranked.stream().filter(r -> r.status() == s).count());
        }
        BigDecimal mean = latest.isEmpty()
                ? null
                : latest.stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(latest.size()), SCALE, RoundingMode.HALF_EVEN);
        Statewide statewide = new Statewide(
                ranked.size(),
                latest.size(),
                latest.isEmpty() ? null : latest.getFirst(),
                p50,
                mean,
                latest.isEmpty() ? null : latest.getLast(),
                p25,
                p50,
                p75,
                byStatus.get(Status.MET),
                byStatus);
        return new Result(ranked, statewide);
    }

    private static AgencyRow row(Direction direction, AgencyMeasure m) {
        QuarterValue[] q = new QuarterValue[4];
        String latestQuarter = null;
        BigDecimal latest = null;
        for (int i = 0; i < 4; i++) {
            q[i] = m.quarters().get(QUARTERS.get(i));
            if (q[i] != null && q[i].value() != null) {
                latestQuarter = QUARTERS.get(i);
                latest = q[i].value();
            }
        }
        BigDecimal change = latest == null || m.baseline() == null ? null : latest.subtract(m.baseline());
        BigDecimal share = null;
        Status status;
        if (latest == null || m.baseline() == null || m.target() == null) {
            status = Status.NO_DATA;
        } else {
            BigDecimal distance = m.target().subtract(m.baseline());
            if (distance.signum() != 0) {
                share = change.divide(distance, PRECISION).setScale(SCALE, RoundingMode.HALF_EVEN);
            }
            if (atOrBeyond(direction, latest, m.target())) {
                status = Status.MET;
            } else if (share == null) {
                status = Status.OFF_TRACK;
            } else {
                BigDecimal expected =
                        BigDecimal.valueOf(QUARTERS.indexOf(latestQuarter) + 1).divide(BigDecimal.valueOf(4));
                if (share.compareTo(expected.subtract(ON_TRACK_SLACK)) >= 0) {
                    status = Status.ON_TRACK;
                } else if (share.compareTo(expected.subtract(AT_RISK_SLACK)) >= 0) {
                    status = Status.AT_RISK;
                } else {
                    status = Status.OFF_TRACK;
                }
            }
        }
        return new AgencyRow(
                m.lcsa(),
                m.planId(),
                m.entryId(),
                m.baseline(),
                m.target(),
                q[0],
                q[1],
                q[2],
                q[3],
                latestQuarter,
                latest,
                change,
                share,
                status,
                null,
                null);
    }

    private static boolean atOrBeyond(Direction direction, BigDecimal value, BigDecimal target) {
        int c = value.compareTo(target);
        return direction == Direction.HIGHER_IS_BETTER ? c >= 0 : c <= 0;
    }

    private static Integer quartile(
            Direction direction, BigDecimal value, BigDecimal p25, BigDecimal p50, BigDecimal p75) {
        if (direction == Direction.HIGHER_IS_BETTER) {
            return value.compareTo(p75) >= 0 ? 1 : value.compareTo(p50) >= 0 ? 2 : value.compareTo(p25) >= 0 ? 3 : 4;
        }
        return value.compareTo(p25) <= 0 ? 1 : value.compareTo(p50) <= 0 ? 2 : value.compareTo(p75) <= 0 ? 3 : 4;
    }

    /** Linear interpolation between closest ranks of sorted values (type 7). */
    static BigDecimal percentile(List<BigDecimal> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        BigDecimal h = BigDecimal.valueOf(sorted.size() - 1).multiply(BigDecimal.valueOf(p));
        int lower = h.setScale(0, RoundingMode.FLOOR).intValue();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(lower));
        BigDecimal low = sorted.get(lower);
        BigDecimal high = sorted.get(Math.min(lower + 1, sorted.size() - 1));
        return low.add(high.subtract(low).multiply(fraction))
                .setScale(SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }
}

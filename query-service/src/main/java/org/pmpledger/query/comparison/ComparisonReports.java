package org.pmpledger.query.comparison;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import org.pmpledger.query.comparison.IndicatorComparison.AgencyRow;
import org.pmpledger.query.comparison.IndicatorComparison.Direction;
import org.pmpledger.query.comparison.PeerGroups.PeerGroup;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.jooq.tables.records.CycleIndicatorRecord;

/**
 * The answers built on {@link IndicatorComparison}: one indicator in one cycle, every indicator of a cycle per agency
 * (the matrix), and one agency on one indicator across cycles (the trend). Empty when the read models know no such
 * cycle or indicator.
 */
@Component
class ComparisonReports {

    private final ComparisonQueries queries;

    ComparisonReports(ComparisonQueries queries) {
        this.queries = queries;
    }

    Optional<ComparisonAnswer> comparison(int ffy, String indicator, Reflects reflects) {
        return queries.indicator(ffy, indicator).map(known -> {
            var result = compute(known);
            Map<String, PeerGroup> peers = PeerGroups.of(queries.caseloads(ffy));
            return new ComparisonAnswer(
                    ffy,
                    indicatorOf(known),
                    reflects,
                    result.statewide(),
                    result.agencies(),
                    peers,
                    peerMedians(peers, result.agencies()),
                    ComparisonAnswer.DEFINITIONS);
        });
    }

    /** Each peer group's median of its agencies' latest values (linear interpolation, as the statewide one). */
    private static Map<PeerGroup, BigDecimal> peerMedians(Map<String, PeerGroup> peers, List<AgencyRow> rows) {
        Map<PeerGroup, BigDecimal> medians = new EnumMap<>(PeerGroup.class);
        for (PeerGroup group : PeerGroup.values()) {
            List<BigDecimal> latest = rows.stream()
                    .filter(row -> group == peers.get(row.lcsa()) && row.latest() != null)
                    .map(AgencyRow::latest)
                    .sorted()
                    .toList();
            if (!latest.isEmpty()) {
                medians.put(group, IndicatorComparison.percentile(latest, 0.5));
            }
        }
        return medians;
    }

    Optional<MatrixAnswer> matrix(int ffy, Reflects reflects) {
        if (!queries.cycleOpened(ffy)) {
            return Optional.empty();
        }
        List<ComparisonAnswer.Indicator> indicators = new ArrayList<>();
        Map<String, SequencedMap<String, MatrixAnswer.Cell>> cells = new TreeMap<>();
        for (CycleIndicatorRecord known : queries.indicators(ffy)) {
            indicators.add(indicatorOf(known));
            for (AgencyRow row : compute(known).agencies()) {
                cells.computeIfAbsent(row.lcsa(), lcsa -> new LinkedHashMap<>())
                        .put(
                                known.getCode(),
                                new MatrixAnswer.Cell(
                                        row.planId(), row.latest(), row.latestQuarter(), row.status(), row.rank()));
            }
        }
        List<MatrixAnswer.AgencyCells> agencies = new ArrayList<>();
        cells.forEach((lcsa, byIndicator) -> agencies.add(new MatrixAnswer.AgencyCells(lcsa, byIndicator)));
        return Optional.of(new MatrixAnswer(ffy, reflects, indicators, agencies, MatrixAnswer.DEFINITIONS));
    }

    Optional<TrendAnswer> trend(String lcsa, String indicator, Reflects reflects) {
        List<TrendAnswer.Cycle> cycles = new ArrayList<>();
        for (CycleIndicatorRecord known : queries.cyclesMeasuring(indicator)) {
            var result = compute(known);
            result.agencies().stream()
                    .filter(row -> row.lcsa().equals(lcsa))
                    .findFirst()
                    .ifPresent(row -> cycles.add(new TrendAnswer.Cycle(
                            known.getFfy(),
                            known.getTitle(),
                            known.getUnit(),
                            known.getDirection(),
                            row,
                            result.statewide().reporting(),
                            result.statewide().median())));
        }
        return cycles.isEmpty() ? Optional.empty() : Optional.of(new TrendAnswer(lcsa, indicator, reflects, cycles));
    }

    private IndicatorComparison.Result compute(CycleIndicatorRecord indicator) {
        return IndicatorComparison.compute(
                Direction.valueOf(indicator.getDirection()), queries.measures(indicator.getFfy(), indicator.getCode()));
    }

    private static ComparisonAnswer.Indicator indicatorOf(CycleIndicatorRecord known) {
        return new ComparisonAnswer.Indicator(
                known.getCode(), known.getTitle(), known.getUnit(), known.getDirection(), known.getMinimum());
    }
}

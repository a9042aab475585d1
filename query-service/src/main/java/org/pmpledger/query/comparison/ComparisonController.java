package org.pmpledger.query.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeMap;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.query.comparison.IndicatorComparison.AgencyRow;
import org.pmpledger.query.comparison.IndicatorComparison.Direction;
import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.jooq.tables.records.CycleIndicatorRecord;
import org.pmpledger.query.table.Table;

@RestController
@Tag(name = "Comparison", description = "How the agencies compare on a Practice Indicator")
class ComparisonController {

    private final ComparisonQueries queries;
    private final Freshness freshness;

    ComparisonController(ComparisonQueries queries, Freshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping(
            path = "/api/v1/cycles/{ffy}/indicators/{indicator}/comparison",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Statewide comparison of one Practice Indicator",
            description =
                    "Per agency: baseline, target, Q1-Q4 (corrections applied and marked), latest, change, share of "
                            + "the distance covered, status, rank, quartile; statewide figures. Definitions in the answer and the "
                            + "README. minPosition waits (bounded) for a position; ?format=csv or ?format=xlsx (or Accept: text/csv) for a file, one line per agency.")
    ResponseEntity<ComparisonAnswer> comparison(
            @PathVariable @Min(2000) @Max(2100) int ffy,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,40}") String indicator,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        return freshness.read(
                minPosition,
                reflects -> queries.indicator(ffy, indicator).map(known -> {
                    var result = IndicatorComparison.compute(
                            Direction.valueOf(known.getDirection()), queries.measures(ffy, indicator));
                    return new ComparisonAnswer(
                            ffy,
                            indicatorOf(known),
                            reflects,
                            result.statewide(),
                            result.agencies(),
                            ComparisonAnswer.DEFINITIONS);
                }),
                "The FFY " + ffy + " cycle has no indicator " + indicator + ".");
    }

    @GetMapping(
            path = "/api/v1/cycles/{ffy}/matrix",
            produces = {"application/json", "text/csv", Table.XLSX, "application/problem+json"})
    @Operation(
            summary = "Every agency against every Practice Indicator of a cycle",
            description = "One row per agency; per indicator its latest value, status and rank, as that indicator's "
                    + "comparison computes them. ?format=csv or ?format=xlsx for a file, three columns per indicator.")
    ResponseEntity<MatrixAnswer> matrix(
            @PathVariable @Min(2000) @Max(2100) int ffy, @RequestParam(required = false) @Min(0) Long minPosition) {
        return freshness.read(
                minPosition,
                reflects -> queries.cycleOpened(ffy) ? Optional.of(matrixOf(ffy, reflects)) : Optional.empty(),
                "No FFY " + ffy + " planning cycle is open.");
    }

    private MatrixAnswer matrixOf(int ffy, Reflects reflects) {
        List<ComparisonAnswer.Indicator> indicators = new ArrayList<>();
        Map<String, SequencedMap<String, MatrixAnswer.Cell>> cells = new TreeMap<>();
        for (CycleIndicatorRecord known : queries.indicators(ffy)) {
            indicators.add(indicatorOf(known));
            var result = IndicatorComparison.compute(
                    Direction.valueOf(known.getDirection()), queries.measures(ffy, known.getCode()));
            for (AgencyRow row : result.agencies()) {
                cells.computeIfAbsent(row.lcsa(), lcsa -> new LinkedHashMap<>())
                        .put(
                                known.getCode(),
                                new MatrixAnswer.Cell(
                                        row.planId(), row.latest(), row.latestQuarter(), row.status(), row.rank()));
            }
        }
        List<MatrixAnswer.AgencyCells> agencies = new ArrayList<>();
        cells.forEach((lcsa, byIndicator) -> agencies.add(new MatrixAnswer.AgencyCells(lcsa, byIndicator)));
        return new MatrixAnswer(ffy, reflects, indicators, agencies, MatrixAnswer.DEFINITIONS);
    }

    private static ComparisonAnswer.Indicator indicatorOf(CycleIndicatorRecord known) {
        return new ComparisonAnswer.Indicator(known.getCode(), known.getTitle(), known.getUnit(), known.getDirection());
    }
}

package org.pmpledger.query.comparison;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.pmpledger.query.comparison.IndicatorComparison.AgencyRow;
import org.pmpledger.query.comparison.IndicatorComparison.QuarterValue;
import org.pmpledger.query.comparison.IndicatorComparison.Statewide;
import org.pmpledger.query.comparison.PeerGroups.PeerGroup;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/**
 * The statewide comparison of one indicator in one cycle; as CSV, one line per agency.
 *
 * @param peerGroups  each agency's peers by caseload ({@link PeerGroups}); empty when the cycle has no caseloads
 * @param peerMedians each peer group's median of latest values (a group without one is left out)
 */
record ComparisonAnswer(
        int ffy,
        Indicator indicator,
        Reflects reflects,
        Statewide statewide,
        List<AgencyRow> agencies,
        Map<String, PeerGroup> peerGroups,
        Map<PeerGroup, BigDecimal> peerMedians,
        Map<String, String> definitions)
        implements Table {

    /** @param minimum the least value the program accepts, where the indicator has one; else null */
    record Indicator(String code, String title, String unit, String direction, BigDecimal minimum) {}

    static final Map<String, String> DEFINITIONS = Map.of(
            "latest",
            "the value of the latest quarter that has one, corrections applied",
            "change",
            "latest minus baseline, in the indicator's unit",
            "share",
            "(latest - baseline) / (target - baseline): the share of the baseline-to-target distance covered; "
                    + "null without baseline, target or value, or when target = baseline",
            "status",
            "MET at or beyond target; else against q/4 of the distance by quarter q: ON_TRACK within 0.10, "
                    + "AT_RISK within 0.35, else OFF_TRACK; NO_DATA without baseline, target or value",
            "rank",
            "1 = best latest value in the indicator's direction; ties share the better rank",
            "quartile",
            "1 (best) to 4 against the statewide cut-offs p25/p50/p75 of latest values",
            "peerGroups",
            "agencies of similar caseload: those with a caseload recorded for the cycle in thirds by open cases, "
                    + "SMALL, MEDIUM, LARGE",
            "statewide",
            "agencies: all listed; reporting: with a latest value; min/median/mean/max/p25/p50/p75 of latest "
                    + "values (percentiles by linear interpolation, type 7); metTarget: status MET");

    @Override
    public List<String> csvColumns() {
        return List.of(
                "lcsa",
                "plan_id",
                "baseline",
                "target",
                "q1",
                "q1_corrected",
                "q2",
                "q2_corrected",
                "q3",
                "q3_corrected",
                "q4",
                "q4_corrected",
                "latest_quarter",
                "latest",
                "change",
                "share",
                "status",
                "rank",
                "quartile",
                "peer_group");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (AgencyRow r : agencies) {
            List<Object> row = new ArrayList<>(List.of(r.lcsa()));
            row.add(r.planId());
            row.add(r.baseline());
            row.add(r.target());
            for (QuarterValue q : new QuarterValue[] {r.q1(), r.q2(), r.q3(), r.q4()}) {
                row.add(q == null ? null : q.value());
                row.add(q == null ? null : q.corrected());
            }
            row.add(r.latestQuarter());
            row.add(r.latest());
            row.add(r.change());
            row.add(r.share());
            row.add(r.status());
            row.add(r.rank());
            row.add(r.quartile());
            row.add(peerGroups.get(r.lcsa()));
            rows.add(row);
        }
        return rows;
    }

    @Override
    public SequencedMap<String, Object> sharedColumns() {
        SequencedMap<String, Object> shared = Table.ffyColumn(ffy);
        shared.put("indicator", indicator.code());
        return shared;
    }

    @Override
    public String fileName() {
        return "pmp-ffy" + ffy + "-" + indicator.code() + "-comparison";
    }
}

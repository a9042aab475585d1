package org.pmpledger.query.comparison;

import static org.pmpledger.query.jooq.Tables.AGENCY;
import static org.pmpledger.query.jooq.Tables.AGENCY_CASELOAD;
import static org.pmpledger.query.jooq.Tables.CYCLE_INDICATOR;
import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_ENTRY;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import org.pmpledger.query.comparison.IndicatorComparison.AgencyMeasure;
import org.pmpledger.query.comparison.IndicatorComparison.QuarterValue;
import org.pmpledger.query.jooq.tables.records.CycleIndicatorRecord;
import org.pmpledger.query.jooq.tables.records.PlanEntryRecord;

/** Reads what the comparison of one indicator needs: every agency's first entry measuring it, and its quarters. */
@Component
class ComparisonQueries {

    private final DSLContext db;

    ComparisonQueries(DSLContext db) {
        this.db = db;
    }

    Optional<CycleIndicatorRecord> indicator(int ffy, String code) {
        return db.selectFrom(CYCLE_INDICATOR)
                .where(CYCLE_INDICATOR.FFY.eq(ffy), CYCLE_INDICATOR.CODE.eq(code))
                .fetchOptional();
    }

    /** The cycle's indicators in code order; empty when no cycle of that FFY is open. */
    List<CycleIndicatorRecord> indicators(int ffy) {
        return db.selectFrom(CYCLE_INDICATOR)
                .where(CYCLE_INDICATOR.FFY.eq(ffy))
                .orderBy(CYCLE_INDICATOR.CODE)
                .fetch();
    }

    /** The cycles listing the indicator, oldest first. */
    List<CycleIndicatorRecord> cyclesMeasuring(String code) {
        return db.selectFrom(CYCLE_INDICATOR)
                .where(CYCLE_INDICATOR.CODE.eq(code))
                .orderBy(CYCLE_INDICATOR.FFY)
                .fetch();
    }

    /** The agencies' caseloads recorded for the cycle, by agency code. */
    Map<String, Long> caseloads(int ffy) {
        Map<String, Long> caseloads = new HashMap<>();
        db.selectFrom(AGENCY_CASELOAD)
                .where(AGENCY_CASELOAD.FFY.eq(ffy))
                .forEach(row -> caseloads.put(row.getLcsa(), row.getCases()));
        return caseloads;
    }

    boolean cycleOpened(int ffy) {
        return db.fetchExists(CYCLE_SUMMARY, CYCLE_SUMMARY.FFY.eq(ffy));
    }

    /** One measure per known agency (and per agency with a plan): its first active entry on the indicator, if any. */
    List<AgencyMeasure> measures(int ffy, String indicator) {
        Map<String, PlanEntryRecord> firstEntry = new LinkedHashMap<>();
        db.selectFrom(PLAN_ENTRY)
                .where(PLAN_ENTRY.FFY.eq(ffy), PLAN_ENTRY.INDICATOR.eq(indicator), PLAN_ENTRY.REMOVED.isFalse())
                .orderBy(PLAN_ENTRY.POSITION)
                .forEach(entry -> firstEntry.putIfAbsent(entry.getLcsa(), entry));
        // an entry's id names it within its plan: its quarters are those of its plan and id
        Map<String, Map<String, QuarterValue>> quarters = new HashMap<>();
        if (!firstEntry.isEmpty()) {
            db.selectFrom(QUARTERLY_UPDATE)
                    .where(QUARTERLY_UPDATE.FFY.eq(ffy))
                    .and(DSL.row(QUARTERLY_UPDATE.PLAN_ID, QUARTERLY_UPDATE.ENTRY_ID)
                            .in(firstEntry.values().stream()
                                    .map(entry -> DSL.row(entry.getPlanId(), entry.getEntryId()))
                                    .toList()))
                    .forEach(q -> quarters.computeIfAbsent(
                                    entryKey(q.getPlanId(), q.getEntryId()), id -> new HashMap<>())
                            .put(
                                    q.getQuarter(),
                                    new QuarterValue(
                                            q.getValue(),
                                            q.getCorrections() > 0,
                                            q.getFirstLate(),
                                            q.getRecordedAt().toInstant())));
        }
        TreeSet<String> agencies =
                new TreeSet<>(db.select(AGENCY.CODE).from(AGENCY).fetch(AGENCY.CODE));
        agencies.addAll(firstEntry.keySet());
        List<AgencyMeasure> measures = new ArrayList<>();
        for (String lcsa : agencies) {
            PlanEntryRecord entry = firstEntry.get(lcsa);
            measures.add(
                    entry == null
                            ? new AgencyMeasure(lcsa, null, null, null, null, Map.of())
                            : new AgencyMeasure(
                                    lcsa,
                                    entry.getPlanId(),
                                    entry.getEntryId(),
                                    entry.getBaseline(),
                                    entry.getTarget(),
                                    quarters.getOrDefault(entryKey(entry.getPlanId(), entry.getEntryId()), Map.of())));
        }
        return measures;
    }

    private static String entryKey(String planId, String entryId) {
        return planId + "/" + entryId;
    }
}

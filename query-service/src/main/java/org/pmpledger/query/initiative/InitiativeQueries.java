package org.pmpledger.query.initiative;

import static org.pmpledger.query.jooq.Tables.AGENCY;
import static org.pmpledger.query.jooq.Tables.AGENCY_VALUE;
import static org.pmpledger.query.jooq.Tables.CYCLE_INITIATIVE;
import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_ENTRY;
import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_TACTIC;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.initiative.InitiativeAnswer.Agency;
import org.pmpledger.query.initiative.InitiativeAnswer.Coverage;
import org.pmpledger.query.initiative.InitiativeAnswer.Gap;
import org.pmpledger.query.initiative.InitiativeAnswer.Initiative;
import org.pmpledger.query.jooq.tables.records.CycleInitiativeRecord;

/** Builds the coverage of each key initiative by each agency's plan. */
@Component
class InitiativeQueries {

    private final DSLContext db;

    InitiativeQueries(DSLContext db) {
        this.db = db;
    }

    Optional<InitiativeAnswer> coverage(int ffy, Reflects reflects) {
        if (!db.fetchExists(CYCLE_SUMMARY, CYCLE_SUMMARY.FFY.eq(ffy))) {
            return Optional.empty();
        }
        List<CycleInitiativeRecord> all = db.selectFrom(CYCLE_INITIATIVE)
                .where(CYCLE_INITIATIVE.FFY.eq(ffy))
                .orderBy(CYCLE_INITIATIVE.POSITION)
                .fetch();
        Map<String, String> keyOf = new HashMap<>();
        List<Initiative> initiatives = new ArrayList<>();
        for (CycleInitiativeRecord i : all) {
            keyOf.put(i.getCode(), i.getParentCode() == null ? i.getCode() : i.getParentCode());
        }
        for (CycleInitiativeRecord i : all) {
            if (i.getParentCode() == null) {
                initiatives.add(new Initiative(
                        i.getCode(),
                        i.getTitle(),
                        i.getRequired(),
                        i.getThreshold(),
                        i.getThresholdIndicator(),
                        all.stream()
                                .filter(s -> i.getCode().equals(s.getParentCode()))
                                .map(CycleInitiativeRecord::getCode)
                                .toList()));
            }
        }
        Map<String, String> planOf = new HashMap<>();
        db.select(PLAN_SUMMARY.LCSA, PLAN_SUMMARY.PLAN_ID)
                .from(PLAN_SUMMARY)
                .where(PLAN_SUMMARY.FFY.eq(ffy))
                .forEach(r -> planOf.put(r.value1(), r.value2()));
        Map<String, int[]> served =
                new HashMap<>(); // plan/initiative -> entries, active tactics, completed, covering tactics
        db.select(PLAN_ENTRY.PLAN_ID, PLAN_ENTRY.INITIATIVE)
                .from(PLAN_ENTRY)
                .where(PLAN_ENTRY.FFY.eq(ffy), PLAN_ENTRY.REMOVED.isFalse(), PLAN_ENTRY.INITIATIVE.isNotNull())
                .forEach(r -> tally(served, keyOf, r.value1(), r.value2())[0]++);
        db.select(PLAN_TACTIC.PLAN_ID, PLAN_TACTIC.INITIATIVE, PLAN_TACTIC.STATUS, PLAN_TACTIC.WITHDRAWN)
                .from(PLAN_TACTIC)
                .where(PLAN_TACTIC.FFY.eq(ffy), PLAN_TACTIC.INITIATIVE.isNotNull())
                .forEach(r -> {
                    int[] tally = tally(served, keyOf, r.value1(), r.value2());
                    if (!r.value4()) {
                        tally[3]++;
                        tally[TacticStatus.COMPLETED.name().equals(r.value3()) ? 2 : 1]++;
                    }
                });
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        db.selectFrom(AGENCY_VALUE)
                .where(AGENCY_VALUE.FFY.eq(ffy))
                .forEach(v -> values.computeIfAbsent(v.getIndicator(), k -> new HashMap<>())
                        .put(v.getLcsa(), v.getValue()));

        TreeSet<String> agencies =
                new TreeSet<>(db.select(AGENCY.CODE).from(AGENCY).fetch(AGENCY.CODE));
        agencies.addAll(planOf.keySet());
        List<Agency> rows = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (String lcsa : agencies) {
            String planId = planOf.get(lcsa);
            List<Coverage> coverage = new ArrayList<>();
            for (Initiative i : initiatives) {
                BigDecimal value = i.thresholdIndicator() == null
                        ? null
                        : values.getOrDefault(i.thresholdIndicator(), Map.of()).get(lcsa);
                boolean required = "ALL".equals(i.required())
                        || (value != null && i.threshold() != null && value.compareTo(i.threshold()) < 0);
                int[] t = planId == null ? new int[4] : served.getOrDefault(planId + "/" + i.code(), new int[4]);
                boolean covered = t[0] > 0 || t[3] > 0;
                coverage.add(new Coverage(i.code(), required, value, t[0], t[1], t[2], covered));
                if (required && !covered) {
                    gaps.add(new Gap(lcsa, planId, i.code(), i.title()));
                }
            }
            rows.add(new Agency(lcsa, planId, coverage));
        }
        return Optional.of(new InitiativeAnswer(ffy, reflects, initiatives, rows, gaps));
    }

    private static int[] tally(Map<String, int[]> served, Map<String, String> keyOf, String planId, String code) {
        String key = keyOf.getOrDefault(code, code);
        return served.computeIfAbsent(planId + "/" + key, k -> new int[4]);
    }
}

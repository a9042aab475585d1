package org.pmpledger.query.compliance;

import static org.pmpledger.query.jooq.Tables.AGENCY;
import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_ENTRY;
import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.events.plan.Quarter;
import org.pmpledger.query.compliance.ComplianceAnswer.Agency;
import org.pmpledger.query.compliance.ComplianceAnswer.Item;
import org.pmpledger.query.compliance.ComplianceAnswer.Rate;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.jooq.tables.records.CycleSummaryRecord;
import org.pmpledger.query.jooq.tables.records.PlanEntryRecord;
import org.pmpledger.query.jooq.tables.records.PlanSummaryRecord;
import org.pmpledger.query.jooq.tables.records.QuarterlyUpdateRecord;

/** Builds the compliance answer of a cycle from plans, entries and their first quarterly recordings. */
@Component
class ComplianceQueries {

    private static final List<String> QUARTERS =
            Stream.of(Quarter.values()).map(Enum::name).toList();

    private final DSLContext db;

    ComplianceQueries(DSLContext db) {
        this.db = db;
    }

    Optional<ComplianceAnswer> compliance(int ffy, LocalDate today, Reflects reflects) {
        CycleSummaryRecord cycle =
                db.selectFrom(CYCLE_SUMMARY).where(CYCLE_SUMMARY.FFY.eq(ffy)).fetchOne();
        if (cycle == null) {
            return Optional.empty();
        }
        LocalDate[] quarterDue = {cycle.getQ1Due(), cycle.getQ2Due(), cycle.getQ3Due(), cycle.getQ4Due()};
        Map<String, PlanSummaryRecord> plans = new HashMap<>();
        db.selectFrom(PLAN_SUMMARY).where(PLAN_SUMMARY.FFY.eq(ffy)).forEach(p -> plans.put(p.getLcsa(), p));
        Map<String, List<PlanEntryRecord>> entries = new HashMap<>();
        db.selectFrom(PLAN_ENTRY)
                .where(PLAN_ENTRY.FFY.eq(ffy), PLAN_ENTRY.REMOVED.isFalse())
                .orderBy(PLAN_ENTRY.POSITION)
                .forEach(e -> entries.computeIfAbsent(e.getPlanId(), id -> new ArrayList<>())
                        .add(e));
        Map<String, QuarterlyUpdateRecord> updates = new HashMap<>();
        db.selectFrom(QUARTERLY_UPDATE)
                .where(QUARTERLY_UPDATE.FFY.eq(ffy))
                .forEach(q -> updates.put(q.getPlanId() + "/" + q.getEntryId() + "/" + q.getQuarter(), q));

        TreeMap<String, Boolean> agencies = new TreeMap<>();
        db.select(AGENCY.CODE).from(AGENCY).fetch(AGENCY.CODE).forEach(code -> agencies.put(code, true));
        plans.keySet().forEach(code -> agencies.putIfAbsent(code, true));

        List<Agency> rows = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String lcsa : agencies.keySet()) {
            PlanSummaryRecord plan = plans.get(lcsa);
            Timeliness submission = Timeliness.of(
                    cycle.getPlanDueDate(),
                    plan != null && plan.getFirstSubmittedAt() != null,
                    plan == null ? null : plan.getFirstLate(),
                    plan == null ? null : plan.getFirstDaysLate(),
                    today);
            Item planItem = new Item(
                    "PLAN",
                    null,
                    null,
                    cycle.getPlanDueDate(),
                    plan == null || plan.getFirstSubmittedAt() == null
                            ? null
                            : plan.getFirstSubmittedAt().toInstant(),
                    submission.state(),
                    submission.daysLate(),
                    null);
            count(counts, "plan", submission);
            List<Item> quarterly = new ArrayList<>();
            Item finalItem = null;
            if (plan != null) {
                for (PlanEntryRecord entry : entries.getOrDefault(plan.getPlanId(), List.of())) {
                    for (int q = 0; q < 4; q++) {
                        QuarterlyUpdateRecord update =
                                updates.get(entry.getPlanId() + "/" + entry.getEntryId() + "/" + QUARTERS.get(q));
                        Timeliness t = Timeliness.of(
                                quarterDue[q],
                                update != null,
                                update == null ? null : update.getFirstLate(),
                                update == null ? null : update.getFirstDaysLate(),
                                today);
                        quarterly.add(new Item(
                                QUARTERS.get(q),
                                entry.getEntryId(),
                                entry.getMeasurementTitle(),
                                quarterDue[q],
                                update == null
                                        ? null
                                        : update.getFirstRecordedAt().toInstant(),
                                t.state(),
                                t.daysLate(),
                                update == null ? null : update.getCorrections()));
                        count(counts, QUARTERS.get(q), t);
                    }
                }
                Timeliness closing = Timeliness.of(
                        quarterDue[3], plan.getClosedAt() != null, plan.getFinalLate(), plan.getFinalDaysLate(), today);
                finalItem = new Item(
                        "FINAL_RESULTS",
                        null,
                        null,
                        quarterDue[3],
                        plan.getClosedAt() == null ? null : plan.getClosedAt().toInstant(),
                        closing.state(),
                        closing.daysLate(),
                        null);
                count(counts, "finalResults", closing);
            }
            rows.add(new Agency(
                    lcsa,
                    plan == null ? null : plan.getPlanId(),
                    plan == null ? "NONE" : plan.getStatus(),
                    planItem,
                    finalItem,
                    quarterly));
        }
        Map<String, Rate> statewide = new LinkedHashMap<>();
        for (String key : Stream.concat(Stream.of("plan"), Stream.concat(QUARTERS.stream(), Stream.of("finalResults")))
                .toList()) {
            int[] c = counts.getOrDefault(key, new int[5]);
            int due = c[0] + c[1] + c[2];
            statewide.put(
                    key,
                    new Rate(
                            due,
                            c[0],
                            c[1],
                            c[2],
                            c[3],
                            due == 0
                                    ? null
                                    : BigDecimal.valueOf(c[0])
                                            .divide(BigDecimal.valueOf(due), 4, RoundingMode.HALF_EVEN)));
        }
        return Optional.of(new ComplianceAnswer(ffy, today, reflects, statewide, rows));
    }

    private static void count(Map<String, int[]> counts, String key, Timeliness t) {
        int[] c = counts.computeIfAbsent(key, k -> new int[5]);
        switch (t.state()) {
            case ON_TIME -> c[0]++;
            case LATE -> c[1]++;
            case MISSING -> c[2]++;
            case NOT_YET_DUE -> c[3]++;
            case NO_DUE_DATE -> c[4]++;
        }
    }
}

package org.pmpledger.query.due;

import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_ENTRY;
import static org.pmpledger.query.jooq.Tables.PLAN_SUMMARY;
import static org.pmpledger.query.jooq.Tables.PLAN_TACTIC;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.query.agency.Agencies;
import org.pmpledger.query.due.DueItem.Kind;
import org.pmpledger.query.jooq.tables.records.CycleSummaryRecord;
import org.pmpledger.query.jooq.tables.records.PlanEntryRecord;
import org.pmpledger.query.jooq.tables.records.PlanSummaryRecord;
import org.pmpledger.query.jooq.tables.records.PlanTacticRecord;
import org.pmpledger.query.scope.ReadScope;

/**
 * What agencies owe, from the read models, in every cycle (what a cycle's end leaves overdue stays overdue until it is
 * done): the plan of an agency that has not submitted one;
 * each quarterly update of an active entry of a plan not closed that has no value yet; the final results of a plan not
 * closed; each tactic of a plan not closed that is neither completed nor withdrawn, by its projected completion.
 */
@Component
class DueQueries {

    private static final String UID_DOMAIN = "@pmp-ledger";

    private final DSLContext db;
    private final Agencies agencies;

    DueQueries(DSLContext db, Agencies agencies) {
        this.db = db;
        this.agencies = agencies;
    }

    /**
     * @param scope  the agencies the reader reads (its own for an agency role)
     * @param region only the agencies of this region (null: any)
     * @param days   the horizon: items due from today through today + days, and every overdue one
     */
    List<DueItem> due(ReadScope scope, String region, LocalDate today, int days) {
        if (scope.none()) {
            return List.of();
        }
        Predicate<String> owes = lcsa -> (scope.lcsa() == null || scope.lcsa().equals(lcsa))
                && (region == null || region.equals(agencies.regionOf(lcsa)));
        LocalDate horizon = today.plusDays(days);
        List<DueItem> items = new ArrayList<>();
        for (CycleSummaryRecord cycle : db.selectFrom(CYCLE_SUMMARY).fetch()) {
            new CycleDues(cycle, owes, today, horizon, items).collect();
        }
        items.sort(Comparator.comparing(DueItem::dueDate)
                .thenComparing(DueItem::lcsa)
                .thenComparing(DueItem::kind)
                .thenComparing(DueItem::uid));
        return items;
    }

    /** Who owes an item and what of theirs it is about. */
    private record Owed(String lcsa, String planId, String entryId, String quarter, String tacticId) {}

    /** The items of one cycle. */
    private final class CycleDues {
        private final CycleSummaryRecord cycle;
        private final int ffy;
        private final Predicate<String> owes;
        private final LocalDate today;
        private final LocalDate horizon;
        private final List<DueItem> items;

        CycleDues(
                CycleSummaryRecord cycle,
                Predicate<String> owes,
                LocalDate today,
                LocalDate horizon,
                List<DueItem> items) {
            this.cycle = cycle;
            this.ffy = cycle.getFfy();
            this.owes = owes;
            this.today = today;
            this.horizon = horizon;
            this.items = items;
        }

        void collect() {
            List<PlanSummaryRecord> plans = db.selectFrom(PLAN_SUMMARY).where(PLAN_SUMMARY.FFY.eq(ffy)).fetch().stream()
                    .filter(plan -> owes.test(plan.getLcsa()))
                    .toList();
            planSubmissions(plans);
            List<PlanSummaryRecord> open = plans.stream()
                    .filter(plan -> !PlanStatus.CLOSED.name().equals(plan.getStatus()))
                    .toList();
            if (open.isEmpty()) {
                return;
            }
            Set<String> openIds = new HashSet<>(
                    open.stream().map(PlanSummaryRecord::getPlanId).toList());
            quarterlyUpdates(openIds);
            if (cycle.getQ4Due() != null) {
                for (PlanSummaryRecord plan : open) {
                    add(
                            Kind.FINAL_RESULTS,
                            "final-results." + plan.getPlanId(),
                            0,
                            new Owed(plan.getLcsa(), plan.getPlanId(), null, null, null),
                            plan.getLcsa() + ": FFY " + ffy + " final results",
                            cycle.getQ4Due());
                }
            }
            tactics(openIds);
        }

        /** Every agency owing a plan that has submitted none, whether or not it has drafted one. */
        private void planSubmissions(List<PlanSummaryRecord> plans) {
            Set<String> submitted = new HashSet<>();
            Map<String, String> drafted = new HashMap<>();
            for (PlanSummaryRecord plan : plans) {
                drafted.put(plan.getLcsa(), plan.getPlanId());
                if (plan.getFirstSubmittedAt() != null) {
                    submitted.add(plan.getLcsa());
                }
            }
            Set<String> owing = new TreeSet<>(drafted.keySet());
            agencies.all().stream().map(Agencies.Agency::code).filter(owes).forEach(owing::add);
            for (String lcsa : owing) {
                if (!submitted.contains(lcsa)) {
                    add(
                            Kind.PLAN_SUBMISSION,
                            "plan-submission." + ffy + "." + lcsa,
                            0,
                            new Owed(lcsa, drafted.get(lcsa), null, null, null),
                            lcsa + ": FFY " + ffy + " Performance Management Plan",
                            cycle.getPlanDueDate());
                }
            }
        }

        private void quarterlyUpdates(Set<String> openPlans) {
            Map<Quarter, LocalDate> dues = new EnumMap<>(Quarter.class);
            if (cycle.getQ1Due() == null) {
                return;
            }
            dues.put(Quarter.Q1, cycle.getQ1Due());
            dues.put(Quarter.Q2, cycle.getQ2Due());
            dues.put(Quarter.Q3, cycle.getQ3Due());
            dues.put(Quarter.Q4, cycle.getQ4Due());
            Set<String> recorded = new HashSet<>();
            db.select(QUARTERLY_UPDATE.PLAN_ID, QUARTERLY_UPDATE.ENTRY_ID, QUARTERLY_UPDATE.QUARTER)
                    .from(QUARTERLY_UPDATE)
                    .where(QUARTERLY_UPDATE.FFY.eq(ffy), QUARTERLY_UPDATE.VALUE.isNotNull())
                    .forEach(q -> recorded.add(q.value1() + "/" + q.value2() + "/" + q.value3()));
            for (PlanEntryRecord entry : db.selectFrom(PLAN_ENTRY)
                    .where(PLAN_ENTRY.FFY.eq(ffy), PLAN_ENTRY.REMOVED.isFalse())
                    .orderBy(PLAN_ENTRY.POSITION)
                    .fetch()) {
                if (!openPlans.contains(entry.getPlanId())) {
                    continue;
                }
                for (Quarter quarter : Quarter.values()) {
                    if (recorded.contains(entry.getPlanId() + "/" + entry.getEntryId() + "/" + quarter.name())) {
                        continue;
                    }
                    String measurement = (entry.getIndicator() == null ? "" : entry.getIndicator() + " ")
                            + entry.getMeasurementTitle();
                    add(
                            Kind.QUARTERLY_UPDATE,
                            "quarterly-update." + entry.getPlanId() + "." + entry.getEntryId() + "." + quarter.name(),
                            0,
                            new Owed(entry.getLcsa(), entry.getPlanId(), entry.getEntryId(), quarter.name(), null),
                            entry.getLcsa() + ": " + quarter.name() + " update of " + measurement,
                            dues.get(quarter));
                }
            }
        }

        private void tactics(Set<String> openPlans) {
            for (PlanTacticRecord tactic : db.selectFrom(PLAN_TACTIC)
                    .where(
                            PLAN_TACTIC.FFY.eq(ffy),
                            PLAN_TACTIC.WITHDRAWN.isFalse(),
                            PLAN_TACTIC.STATUS.ne(TacticStatus.COMPLETED.name()))
                    .orderBy(PLAN_TACTIC.POSITION)
                    .fetch()) {
                if (openPlans.contains(tactic.getPlanId())) {
                    add(
                            Kind.TACTIC_COMPLETION,
                            "tactic-completion." + tactic.getPlanId() + "." + tactic.getTacticId(),
                            tactic.getCompletionRevisions(),
                            new Owed(
                                    tactic.getLcsa(),
                                    tactic.getPlanId(),
                                    tactic.getEntryId(),
                                    null,
                                    tactic.getTacticId()),
                            tactic.getLcsa() + ": tactic \"" + tactic.getTitle() + "\"",
                            tactic.getProjectedCompletion());
                }
            }
        }

        /** Adds the item when it falls due by the horizon. */
        private void add(Kind kind, String uid, int sequence, Owed owed, String title, LocalDate dueDate) {
            if (dueDate == null || dueDate.isAfter(horizon)) {
                return;
            }
            int late = (int) ChronoUnit.DAYS.between(dueDate, today);
            items.add(new DueItem(
                    kind,
                    uid + UID_DOMAIN,
                    sequence,
                    owed.lcsa(),
                    agencies.regionOf(owed.lcsa()),
                    ffy,
                    owed.planId(),
                    owed.entryId(),
                    owed.tacticId(),
                    owed.quarter(),
                    title,
                    dueDate,
                    late > 0,
                    Math.max(0, late)));
        }
    }
}

package org.pmpledger.query.tactic;

import static org.pmpledger.query.jooq.Tables.CYCLE_INITIATIVE;
import static org.pmpledger.query.jooq.Tables.PLAN_TACTIC;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import org.pmpledger.events.plan.TacticStatus;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.jooq.tables.records.PlanTacticRecord;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.query.tactic.TacticAnswer.Tactic;

/** Tactics across plans with their derived status (WITHDRAWN) and overdue flag as of a date. */
@Component
class TacticQueries {

    private final DSLContext db;

    TacticQueries(DSLContext db) {
        this.db = db;
    }

    /** The filter of a tactics read; null fields do not filter, the scope always does. */
    record Filter(String status, Boolean overdue, String initiative, String lead, ReadScope scope) {}

    TacticAnswer tactics(int ffy, Filter filter, LocalDate today, Reflects reflects) {
        Condition where = PLAN_TACTIC.FFY.eq(ffy);
        if (filter.scope().none()) {
            where = DSL.falseCondition();
        } else if (filter.scope().lcsa() != null) {
            where = where.and(PLAN_TACTIC.LCSA.eq(filter.scope().lcsa()));
        }
        if (filter.initiative() != null) {
            List<String> served = new ArrayList<>(db.select(CYCLE_INITIATIVE.CODE)
                    .from(CYCLE_INITIATIVE)
                    .where(CYCLE_INITIATIVE.FFY.eq(ffy), CYCLE_INITIATIVE.PARENT_CODE.eq(filter.initiative()))
                    .fetch(CYCLE_INITIATIVE.CODE));
            served.add(filter.initiative());
            where = where.and(PLAN_TACTIC.INITIATIVE.in(served));
        }
        List<Tactic> all = new ArrayList<>();
        for (PlanTacticRecord r : db.selectFrom(PLAN_TACTIC)
                .where(where)
                .orderBy(PLAN_TACTIC.LCSA, PLAN_TACTIC.POSITION)
                .fetch()) {
            String status = TacticStatus.shown(r.getStatus(), r.getWithdrawn());
            boolean overdue = !r.getWithdrawn()
                    && !TacticStatus.COMPLETED.name().equals(r.getStatus())
                    && r.getProjectedCompletion().isBefore(today);
            all.add(new Tactic(
                    r.getLcsa(),
                    r.getPlanId(),
                    r.getTacticId(),
                    r.getEntryId(),
                    r.getTitle(),
                    List.of(r.getLeads()),
                    status,
                    r.getProjectedCompletion(),
                    r.getActualCompletion(),
                    r.getInitiative(),
                    overdue,
                    overdue ? (int) ChronoUnit.DAYS.between(r.getProjectedCompletion(), today) : null,
                    r.getAmendment(),
                    r.getChangedAt().toInstant()));
        }
        List<Tactic> matching = all.stream()
                .filter(t -> filter.status() == null || filter.status().equals(t.status()))
                .filter(t -> filter.overdue() == null || filter.overdue() == t.overdue())
                .filter(t -> filter.lead() == null
                        || t.leads().stream()
                                .anyMatch(l -> l.toLowerCase(Locale.ROOT)
                                        .contains(filter.lead().toLowerCase(Locale.ROOT))))
                .toList();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (String s : TacticStatus.shown()) {
            byStatus.put(
                    s, (int) matching.stream().filter(t -> t.status().equals(s)).count());
        }
        return new TacticAnswer(
                ffy,
                today,
                reflects,
                byStatus,
                (int) matching.stream().filter(Tactic::overdue).count(),
                matching);
    }
}

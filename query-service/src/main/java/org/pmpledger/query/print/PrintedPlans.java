package org.pmpledger.query.print;

import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.query.agency.Agencies;
import org.pmpledger.query.jooq.tables.records.CycleSummaryRecord;

/** Gathers what printing a plan needs besides its document: its agency's name and its cycle's quarterly due dates. */
@Component
class PrintedPlans {

    private final DSLContext db;
    private final Agencies agencies;

    PrintedPlans(DSLContext db, Agencies agencies) {
        this.db = db;
        this.agencies = agencies;
    }

    PrintedPlan of(PlanDocument plan) {
        String name = agencies.find(plan.lcsa()).map(Agencies.Agency::name).orElse(plan.lcsa());
        Map<String, LocalDate> dues = new LinkedHashMap<>();
        CycleSummaryRecord cycle = db.selectFrom(CYCLE_SUMMARY)
                .where(CYCLE_SUMMARY.FFY.eq(plan.ffy()))
                .fetchOne();
        if (cycle != null && cycle.getQ1Due() != null) {
            dues.put(Quarter.Q1.name(), cycle.getQ1Due());
            dues.put(Quarter.Q2.name(), cycle.getQ2Due());
            dues.put(Quarter.Q3.name(), cycle.getQ3Due());
            dues.put(Quarter.Q4.name(), cycle.getQ4Due());
        }
        return new PrintedPlan(plan, name, dues);
    }
}

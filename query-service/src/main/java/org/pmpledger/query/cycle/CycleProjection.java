package org.pmpledger.query.cycle;

import static org.pmpledger.query.jooq.Tables.AGENCY_CASELOAD;
import static org.pmpledger.query.jooq.Tables.AGENCY_VALUE;
import static org.pmpledger.query.jooq.Tables.CYCLE_GOAL;
import static org.pmpledger.query.jooq.Tables.CYCLE_INDICATOR;
import static org.pmpledger.query.jooq.Tables.CYCLE_INITIATIVE;
import static org.pmpledger.query.jooq.Tables.CYCLE_OBJECTIVE;
import static org.pmpledger.query.jooq.Tables.CYCLE_SUMMARY;

import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import org.pmpledger.events.cycle.AgencyCaseloadsRecorded;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.query.intake.Projection;
import org.pmpledger.query.intake.PublishedEvent;
import org.pmpledger.query.intake.Writes;

/** Folds cycle events into the cycle tables: dates, goals, objectives, indicators, initiatives, agency values and caseloads. */
@Component
class CycleProjection implements Projection {

    private final DSLContext db;

    CycleProjection(DSLContext db) {
        this.db = db;
    }

    @Override
    public void fold(PublishedEvent published, Writes writes) {
        switch (published.event().orElseThrow()) {
            case PlanningCycleOpened opened -> opened(opened, writes);
            case AgencyIndicatorValuesRecorded recorded ->
                recorded.values()
                        .forEach(value -> writes.add(db.insertInto(AGENCY_VALUE)
                                .set(AGENCY_VALUE.FFY, recorded.ffy())
                                .set(AGENCY_VALUE.INDICATOR, recorded.indicator())
                                .set(AGENCY_VALUE.LCSA, value.lcsa())
                                .set(AGENCY_VALUE.VALUE, value.value())
                                .set(AGENCY_VALUE.AS_OF, value.asOf())
                                .set(
                                        AGENCY_VALUE.RECORDED_AT,
                                        recorded.recordedAt().atOffset(ZoneOffset.UTC))
                                .onConflict(AGENCY_VALUE.FFY, AGENCY_VALUE.INDICATOR, AGENCY_VALUE.LCSA)
                                .doUpdate()
                                .set(AGENCY_VALUE.VALUE, DSL.excluded(AGENCY_VALUE.VALUE))
                                .set(AGENCY_VALUE.AS_OF, DSL.excluded(AGENCY_VALUE.AS_OF))
                                .set(AGENCY_VALUE.RECORDED_AT, DSL.excluded(AGENCY_VALUE.RECORDED_AT))));
            case AgencyCaseloadsRecorded recorded ->
                recorded.caseloads()
                        .forEach(caseload -> writes.add(db.insertInto(AGENCY_CASELOAD)
                                .set(AGENCY_CASELOAD.FFY, recorded.ffy())
                                .set(AGENCY_CASELOAD.LCSA, caseload.lcsa())
                                .set(AGENCY_CASELOAD.CASES, caseload.cases())
                                .set(AGENCY_CASELOAD.AS_OF, caseload.asOf())
                                .set(
                                        AGENCY_CASELOAD.RECORDED_AT,
                                        recorded.recordedAt().atOffset(ZoneOffset.UTC))
                                .onConflict(AGENCY_CASELOAD.FFY, AGENCY_CASELOAD.LCSA)
                                .doUpdate()
                                .set(AGENCY_CASELOAD.CASES, DSL.excluded(AGENCY_CASELOAD.CASES))
                                .set(AGENCY_CASELOAD.AS_OF, DSL.excluded(AGENCY_CASELOAD.AS_OF))
                                .set(AGENCY_CASELOAD.RECORDED_AT, DSL.excluded(AGENCY_CASELOAD.RECORDED_AT))));
            default -> {
                // plan events: other projections
            }
        }
    }

    private void opened(PlanningCycleOpened opened, Writes writes) {
        int ffy = opened.ffy();
        QuarterDueDates due = opened.quarterDueDates();
        writes.add(db.insertInto(CYCLE_SUMMARY)
                .set(CYCLE_SUMMARY.FFY, ffy)
                .set(CYCLE_SUMMARY.CYCLE_ID, opened.cycleId())
                .set(CYCLE_SUMMARY.PLAN_DUE_DATE, opened.planDueDate())
                .set(CYCLE_SUMMARY.OPENED_AT, opened.openedAt().atOffset(ZoneOffset.UTC))
                .set(CYCLE_SUMMARY.Q1_DUE, due == null ? null : due.q1())
                .set(CYCLE_SUMMARY.Q2_DUE, due == null ? null : due.q2())
                .set(CYCLE_SUMMARY.Q3_DUE, due == null ? null : due.q3())
                .set(CYCLE_SUMMARY.Q4_DUE, due == null ? null : due.q4())
                .onConflict(CYCLE_SUMMARY.FFY)
                .doNothing());
        opened.goals().forEach(goal -> {
            writes.add(db.insertInto(CYCLE_GOAL)
                    .set(CYCLE_GOAL.FFY, ffy)
                    .set(CYCLE_GOAL.GOAL, goal.number())
                    .set(CYCLE_GOAL.TITLE, goal.title())
                    .onConflictDoNothing());
            goal.objectives()
                    .forEach(objective -> writes.add(db.insertInto(CYCLE_OBJECTIVE)
                            .set(CYCLE_OBJECTIVE.FFY, ffy)
                            .set(CYCLE_OBJECTIVE.GOAL, goal.number())
                            .set(CYCLE_OBJECTIVE.OBJECTIVE, objective.number())
                            .set(CYCLE_OBJECTIVE.TITLE, objective.title())
                            .onConflictDoNothing()));
        });
        opened.indicators()
                .forEach(indicator -> writes.add(db.insertInto(CYCLE_INDICATOR)
                        .set(CYCLE_INDICATOR.FFY, ffy)
                        .set(CYCLE_INDICATOR.CODE, indicator.code())
                        .set(CYCLE_INDICATOR.TITLE, indicator.title())
                        .set(CYCLE_INDICATOR.UNIT, indicator.unit().name())
                        .set(CYCLE_INDICATOR.DIRECTION, indicator.direction().name())
                        .set(CYCLE_INDICATOR.MINIMUM, indicator.minimum())
                        .onConflictDoNothing()));
        int position = 0;
        for (KeyInitiative initiative : opened.keyInitiatives()) {
            writes.add(db.insertInto(CYCLE_INITIATIVE)
                    .set(CYCLE_INITIATIVE.FFY, ffy)
                    .set(CYCLE_INITIATIVE.CODE, initiative.code())
                    .set(CYCLE_INITIATIVE.TITLE, initiative.title())
                    .set(CYCLE_INITIATIVE.REQUIRED, initiative.required().name())
                    .set(CYCLE_INITIATIVE.THRESHOLD, initiative.threshold())
                    .set(CYCLE_INITIATIVE.THRESHOLD_INDICATOR, initiative.thresholdIndicator())
                    .set(CYCLE_INITIATIVE.POSITION, position++)
                    .onConflictDoNothing());
            for (var sub : initiative.subInitiatives()) {
                writes.add(db.insertInto(CYCLE_INITIATIVE)
                        .set(CYCLE_INITIATIVE.FFY, ffy)
                        .set(CYCLE_INITIATIVE.CODE, sub.code())
                        .set(CYCLE_INITIATIVE.PARENT_CODE, initiative.code())
                        .set(CYCLE_INITIATIVE.TITLE, sub.title())
                        .set(CYCLE_INITIATIVE.POSITION, position++)
                        .onConflictDoNothing());
            }
        }
    }
}

package org.pmpledger.events.plan;

import org.pmpledger.events.PmpEvent;

/**
 * Events of one LCSA's Performance Management Plan for one cycle. Each carries the plan's FFY and
 * agency (business time and owner) and the instant it was recorded.
 */
public sealed interface PlanEvent extends PmpEvent
        permits PlanDrafted,
                PlanEntryAdded,
                MeasurementRevised,
                PlanEntryRemoved,
                TacticAdded,
                TacticRevised,
                TacticStatusChanged,
                TacticWithdrawn,
                PlanSubmitted,
                PlanApproved,
                PlanReturned,
                PlanCommented,
                QuarterlyProgressRecorded,
                FinalResultsSubmitted,
                AssistanceRequested,
                AssistanceRequestAdvanced,
                AssistanceRequestCommented {

    String planId();

    int ffy();

    String lcsa();

    @Override
    default String streamId() {
        return planId();
    }
}

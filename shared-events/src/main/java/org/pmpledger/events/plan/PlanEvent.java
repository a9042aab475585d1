package org.pmpledger.events.plan;

import org.pmpledger.events.PmpEvent;

/** Events of one LCSA's Performance Management Plan for one cycle. */
public sealed interface PlanEvent extends PmpEvent permits PlanDrafted, PlanSubmitted {

    String planId();

    @Override
    default String streamId() {
        return planId();
    }
}

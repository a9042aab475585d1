package org.pmpledger.command.cycle;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;

/** DCSS opens the cycle of a federal fiscal year (one per FFY). */
@Authorized(
        value = Access.STATE_ADMIN,
        rule = "state-admin-opens-cycles",
        refusal = "Only a STATE_ADMIN opens planning cycles.")
public record OpenPlanningCycle(
        @TargetAggregateIdentifier String cycleId,
        int ffy,
        LocalDate planDueDate,
        QuarterDueDates quarterDueDates,
        List<StrategicGoal> goals,
        List<KeyInitiative> keyInitiatives,
        List<PracticeIndicator> indicators,
        List<SubmissionRule> submissionRules) {}

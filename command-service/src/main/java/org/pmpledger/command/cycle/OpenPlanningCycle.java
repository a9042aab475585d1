package org.pmpledger.command.cycle;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;

/** DCSS opens the cycle of a federal fiscal year (one per FFY). */
public record OpenPlanningCycle(@TargetAggregateIdentifier String cycleId, int ffy, LocalDate planDueDate,
                                QuarterDueDates quarterDueDates, List<StrategicGoal> goals,
                                List<KeyInitiative> keyInitiatives, List<PracticeIndicator> indicators,
                                List<SubmissionRule> submissionRules) {
}

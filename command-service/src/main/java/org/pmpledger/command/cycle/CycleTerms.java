package org.pmpledger.command.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;
import org.pmpledger.events.plan.Quarter;

/**
 * What plans need to know of their cycle: its dates, goals and objectives, key initiatives, practice
 * indicators, submission rules and the agencies' recorded indicator values. Folded from the cycle's
 * events.
 *
 * @param agencyValues indicator code → agency → latest recorded value
 */
public record CycleTerms(int ffy, LocalDate planDueDate, QuarterDueDates quarterDueDates, List<StrategicGoal> goals,
                         List<KeyInitiative> keyInitiatives, List<PracticeIndicator> indicators,
                         List<SubmissionRule> submissionRules, Map<String, Map<String, BigDecimal>> agencyValues) {

    /** Due dates are California dates. */
    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    public static CycleTerms of(PlanningCycleOpened opened) {
        return new CycleTerms(opened.ffy(), opened.planDueDate(), opened.quarterDueDates(), opened.goals(),
                opened.keyInitiatives(), opened.indicators(), opened.submissionRules(), Map.of());
    }

    /** These terms with the agencies' newly recorded values of one indicator. */
    public CycleTerms with(AgencyIndicatorValuesRecorded recorded) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>(agencyValues);
        Map<String, BigDecimal> ofIndicator = new HashMap<>(values.getOrDefault(recorded.indicator(), Map.of()));
        recorded.values().forEach(v -> ofIndicator.put(v.lcsa(), v.value()));
        values.put(recorded.indicator(), Map.copyOf(ofIndicator));
        return new CycleTerms(ffy, planDueDate, quarterDueDates, goals, keyInitiatives, indicators, submissionRules,
                Map.copyOf(values));
    }

    public Optional<StrategicGoal> goal(int number) {
        return goals.stream().filter(g -> g.number() == number).findFirst();
    }

    public Optional<PracticeIndicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** A key initiative's or a sub-initiative's code names what it serves; a sub-initiative serves its parent too. */
    public Optional<KeyInitiative> initiativeServedBy(String code) {
        return keyInitiatives.stream()
                .filter(k -> k.code().equals(code) || k.subInitiatives().stream().anyMatch(s -> s.code().equals(code)))
                .findFirst();
    }

    /** The key initiatives the agency's plan must cover: ALL ones, and threshold ones where its value is below. */
    public List<KeyInitiative> initiativesRequiredOf(String lcsa) {
        List<KeyInitiative> required = new ArrayList<>();
        for (KeyInitiative initiative : keyInitiatives) {
            if (initiative.required() == InitiativeRequirement.ALL) {
                required.add(initiative);
            } else if (initiative.thresholdIndicator() != null) {
                BigDecimal value = agencyValues.getOrDefault(initiative.thresholdIndicator(), Map.of()).get(lcsa);
                if (value != null && value.compareTo(initiative.threshold()) < 0) {
                    required.add(initiative);
                }
            }
        }
        return required;
    }

    /** The due date of a quarter's update; empty where the cycle gives none (FFY 2017). */
    public Optional<LocalDate> dueDateOf(Quarter quarter) {
        if (quarterDueDates == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (quarter) {
            case Q1 -> quarterDueDates.q1();
            case Q2 -> quarterDueDates.q2();
            case Q3 -> quarterDueDates.q3();
            case Q4 -> quarterDueDates.q4();
        });
    }
}

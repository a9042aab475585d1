package org.pmpledger.command.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pmpledger.command.planstate.PlanState;
import org.pmpledger.command.refusal.FieldProblem;
import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;
import org.pmpledger.events.cycle.PlanningCycleOpened.PracticeIndicator;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.StrategicGoal;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.events.plan.Quarter;

/**
 * What plans need to know of their cycle: its dates, goals and objectives, key initiatives, practice
 * indicators, submission rules and the agencies' recorded indicator values. Folded from the cycle's
 * events.
 *
 * @param agencyValues indicator code → agency → latest recorded value
 */
public record CycleTerms(
        int ffy,
        LocalDate planDueDate,
        QuarterDueDates quarterDueDates,
        List<StrategicGoal> goals,
        List<KeyInitiative> keyInitiatives,
        List<PracticeIndicator> indicators,
        List<SubmissionRule> submissionRules,
        Map<String, Map<String, BigDecimal>> agencyValues) {

    /** Due dates are California dates. */
    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    public static CycleTerms of(PlanningCycleOpened opened) {
        return new CycleTerms(
                opened.ffy(),
                opened.planDueDate(),
                opened.quarterDueDates(),
                opened.goals(),
                opened.keyInitiatives(),
                opened.indicators(),
                opened.submissionRules(),
                Map.of());
    }

    /** These terms with the agencies' newly recorded values of one indicator. */
    public CycleTerms with(AgencyIndicatorValuesRecorded recorded) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>(agencyValues);
        Map<String, BigDecimal> ofIndicator = new HashMap<>(values.getOrDefault(recorded.indicator(), Map.of()));
        recorded.values().forEach(v -> ofIndicator.put(v.lcsa(), v.value()));
        values.put(recorded.indicator(), Map.copyOf(ofIndicator));
        return new CycleTerms(
                ffy,
                planDueDate,
                quarterDueDates,
                goals,
                keyInitiatives,
                indicators,
                submissionRules,
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
                .filter(k -> k.code().equals(code)
                        || k.subInitiatives().stream().anyMatch(s -> s.code().equals(code)))
                .findFirst();
    }

    /** The key initiatives the agency's plan must cover: ALL ones, and threshold ones where its value is below. */
    public List<KeyInitiative> initiativesRequiredOf(String lcsa) {
        List<KeyInitiative> required = new ArrayList<>();
        for (KeyInitiative initiative : keyInitiatives) {
            if (initiative.required() == InitiativeRequirement.ALL) {
                required.add(initiative);
            } else if (initiative.thresholdIndicator() != null) {
                BigDecimal value = agencyValues
                        .getOrDefault(initiative.thresholdIndicator(), Map.of())
                        .get(lcsa);
                if (value != null && value.compareTo(initiative.threshold()) < 0) {
                    required.add(initiative);
                }
            }
        }
        return required;
    }

    /** The goal, objective, initiative and measurement of an entry as this cycle takes them, and what does not fit. */
    public record EntryFit(Measurement measurement, List<FieldProblem> problems) {}

    /**
     * How an entry fits the cycle: a goal of the cycle; one of its objectives, or the plan's own words where the cycle
     * lists none; a key initiative of the cycle; an indicator of the cycle (its code and unit taken), with a baseline
     * and target its unit holds. The measurement answered has the indicator's unit.
     */
    public EntryFit fitOf(
            int goalNumber, Integer objective, String objectiveText, String initiative, Measurement measurement) {
        List<FieldProblem> problems = new ArrayList<>();
        StrategicGoal goal = goal(goalNumber).orElse(null);
        List<String> objectives = goal == null
                ? List.of()
                : goal.objectives().stream()
                        .map(o -> String.valueOf(o.number()))
                        .toList();
        boolean ownWords = objectiveText != null && !objectiveText.isBlank();
        if (goal == null) {
            problems.add(
                    new FieldProblem("goal", "goal " + goalNumber + " is not a goal of the FFY " + ffy + " cycle"));
        } else if (goal.objectives().isEmpty() && objective != null) {
            problems.add(new FieldProblem(
                    "objective",
                    "goal " + goal.number()
                            + " lists no objectives in this cycle: name the plan's own in objectiveText"));
        } else if (goal.objectives().isEmpty() && !ownWords) {
            problems.add(new FieldProblem(
                    "objectiveText", "is required: the cycle lists no objectives for goal " + goal.number()));
        } else if (!goal.objectives().isEmpty() && objective == null) {
            problems.add(new FieldProblem(
                    "objective", "is required: one of goal " + goal.number() + "'s objectives " + objectives));
        } else if (!goal.objectives().isEmpty() && !objectives.contains(String.valueOf(objective))) {
            problems.add(new FieldProblem(
                    "objective",
                    "objective " + objective + " is not an objective of goal " + goal.number() + " " + objectives));
        } else if (!goal.objectives().isEmpty() && ownWords) {
            problems.add(
                    new FieldProblem("objectiveText", "is only for goals whose objectives the cycle does not list"));
        }
        initiativeProblem(initiative, "initiative").ifPresent(problems::add);
        Measurement taken = measurement;
        if (measurement.indicator() != null) {
            PracticeIndicator indicator = indicator(measurement.indicator()).orElse(null);
            if (indicator == null) {
                problems.add(new FieldProblem(
                        "measurement.indicator",
                        "indicator " + measurement.indicator() + " is not a Practice Indicator of the FFY " + ffy
                                + " cycle"));
            } else if (measurement.unit() != null && measurement.unit() != indicator.unit()) {
                problems.add(new FieldProblem(
                        "measurement.unit",
                        "must be " + indicator.unit() + ", the unit of " + indicator.code() + " (or left out)"));
            } else {
                taken = new Measurement(
                        indicator.code(),
                        measurement.title(),
                        indicator.unit(),
                        measurement.baseline(),
                        measurement.target());
            }
        }
        Measurement unitOf = taken;
        UnitRange.refusal(unitOf.unit(), unitOf.baseline())
                .ifPresent(r -> problems.add(new FieldProblem("measurement.baseline", r)));
        UnitRange.refusal(unitOf.unit(), unitOf.target())
                .ifPresent(r -> problems.add(new FieldProblem("measurement.target", r)));
        return new EntryFit(taken, List.copyOf(problems));
    }

    /** What is wrong with naming {@code code} as the key initiative in {@code field}; empty when it is the cycle's. */
    public Optional<FieldProblem> initiativeProblem(String code, String field) {
        if (code == null || initiativeServedBy(code).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem(
                field, "initiative " + code + " is not a key initiative of the FFY " + ffy + " cycle"));
    }

    /** Every item the cycle's submission rules still miss of the plan, all in one list. */
    public List<FieldProblem> missingForSubmission(PlanState plan) {
        List<FieldProblem> missing = new ArrayList<>();
        List<PlanState.Entry> active =
                plan.entries().values().stream().filter(e -> !e.removed()).toList();
        if (active.isEmpty()) {
            missing.add(new FieldProblem("entries", "the plan has no entry"));
        }
        for (SubmissionRule rule : submissionRules) {
            switch (rule) {
                case EVERY_GOAL_ADDRESSED ->
                    goals.stream()
                            .filter(goal -> active.stream().noneMatch(e -> e.goal() == goal.number()))
                            .forEach(goal -> missing.add(new FieldProblem(
                                    "goals",
                                    "goal " + goal.number() + " (" + goal.title() + ") is addressed by no entry")));
                case MEASURABLE_TARGET_REQUIRED -> {
                    if (active.stream().noneMatch(e -> e.indicator() != null && e.target() != null)) {
                        missing.add(
                                new FieldProblem("entries", "no entry measures a Practice Indicator with a target"));
                    }
                }
                case REQUIRED_INITIATIVES_COVERED ->
                    initiativesRequiredOf(plan.lcsa()).stream()
                            .filter(initiative -> !covered(plan, initiative))
                            .forEach(initiative -> missing.add(new FieldProblem(
                                    "keyInitiatives",
                                    "key initiative "
                                            + initiative.code() + " (" + initiative.title() + ") is required of "
                                            + plan.lcsa()
                                            + " and no entry or active tactic serves it")));
            }
        }
        return missing;
    }

    /** An entry not removed or a tactic not withdrawn serves the initiative (a sub-initiative serves its parent). */
    private boolean covered(PlanState plan, KeyInitiative initiative) {
        boolean byEntry = plan.entries().values().stream()
                .filter(e -> !e.removed() && e.initiative() != null)
                .anyMatch(e -> initiativeServedBy(e.initiative())
                        .filter(initiative::equals)
                        .isPresent());
        boolean byTactic = plan.tactics().values().stream()
                .filter(t -> !t.withdrawn() && t.initiative() != null)
                .anyMatch(t -> initiativeServedBy(t.initiative())
                        .filter(initiative::equals)
                        .isPresent());
        return byEntry || byTactic;
    }

    /** Whole days between a due date and an instant, in California; 0 when on time. */
    public static int daysLate(LocalDate due, Instant at) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(due, LocalDate.ofInstant(at, CALIFORNIA)));
    }

    /** The due date of a quarter's update; empty where the cycle gives none (FFY 2017). */
    public Optional<LocalDate> dueDateOf(Quarter quarter) {
        if (quarterDueDates == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (quarter) {
                    case Q1 -> quarterDueDates.q1();
                    case Q2 -> quarterDueDates.q2();
                    case Q3 -> quarterDueDates.q3();
                    case Q4 -> quarterDueDates.q4();
                });
    }
}

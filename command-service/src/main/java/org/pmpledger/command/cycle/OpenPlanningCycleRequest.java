package org.pmpledger.command.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.Direction;
import org.pmpledger.events.cycle.PlanningCycleOpened.InitiativeRequirement;
import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.cycle.PlanningCycleOpened.QuarterDueDates;
import org.pmpledger.events.cycle.PlanningCycleOpened.SubmissionRule;
import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/cycles}: what a DCSS letter says of its cycle. */
record OpenPlanningCycleRequest(
        @NotNull @Min(2000) @Max(2100) Integer ffy,
        @NotNull LocalDate planDueDate,
        QuarterDates quarterDueDates,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Goal> goals,
        @Size(max = 50) List<@Valid @NotNull Initiative> keyInitiatives,
        @Size(max = 100) List<@Valid @NotNull Indicator> indicators,
        @Size(max = 3) List<@NotNull SubmissionRule> submissionRules) {

    /** Each quarter's due date, keyed {@code Q1..Q4} as the contract writes them ({@code q1..q4} too). */
    record QuarterDates(
            @JsonProperty("Q1") @JsonAlias("q1") LocalDate q1,
            @JsonProperty("Q2") @JsonAlias("q2") LocalDate q2,
            @JsonProperty("Q3") @JsonAlias("q3") LocalDate q3,
            @JsonProperty("Q4") @JsonAlias("q4") LocalDate q4) {

        QuarterDueDates toEvent() {
            return new QuarterDueDates(q1, q2, q3, q4);
        }
    }

    record Goal(
            @NotNull @Positive Integer number,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20) List<@Valid @NotNull Objective> objectives) {}

    record Objective(
            @NotNull @Positive Integer number,
            @NotBlank @Size(max = 500) String title) {}

    record Initiative(
            @NotNull @Pattern(regexp = InputFormats.INITIATIVE, message = InputFormats.INITIATIVE_MESSAGE)
            String code,

            @NotBlank @Size(max = 500) String title,
            @NotNull InitiativeRequirement required,
            BigDecimal threshold,

            @Pattern(regexp = InputFormats.INDICATOR, message = InputFormats.INDICATOR_MESSAGE)
            String thresholdIndicator,

            @Size(max = 20) List<@Valid @NotNull SubInitiative> subInitiatives) {}

    record SubInitiative(
            @NotNull @Pattern(regexp = InputFormats.INITIATIVE, message = InputFormats.INITIATIVE_MESSAGE)
            String code,

            @NotBlank @Size(max = 500) String title) {}

    record Indicator(
            @NotNull @Pattern(regexp = InputFormats.INDICATOR, message = InputFormats.INDICATOR_MESSAGE)
            String code,

            @NotBlank @Size(max = 500) String title,
            @NotNull MeasureUnit unit,
            @NotNull Direction direction,
            BigDecimal minimum) {}

    OpenPlanningCycle toCommand() {
        return new OpenPlanningCycle(
                CycleEvent.cycleIdOf(ffy),
                ffy,
                planDueDate,
                quarterDueDates == null ? null : quarterDueDates.toEvent(),
                goals.stream()
                        .map(g -> new PlanningCycleOpened.StrategicGoal(
                                g.number(),
                                g.title(),
                                orEmpty(g.objectives()).stream()
                                        .map(o -> new PlanningCycleOpened.Objective(o.number(), o.title()))
                                        .toList()))
                        .toList(),
                orEmpty(keyInitiatives).stream()
                        .map(i -> new PlanningCycleOpened.KeyInitiative(
                                i.code(),
                                i.title(),
                                i.required(),
                                i.threshold(),
                                i.thresholdIndicator(),
                                orEmpty(i.subInitiatives()).stream()
                                        .map(s -> new PlanningCycleOpened.SubInitiative(s.code(), s.title()))
                                        .toList()))
                        .toList(),
                orEmpty(indicators).stream()
                        .map(i -> new PlanningCycleOpened.PracticeIndicator(
                                i.code(), i.title(), i.unit(), i.direction(), i.minimum()))
                        .toList(),
                orEmpty(submissionRules));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

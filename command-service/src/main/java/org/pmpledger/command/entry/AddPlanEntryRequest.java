package org.pmpledger.command.entry;

import java.math.BigDecimal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.pmpledger.events.cycle.PlanningCycleOpened.MeasureUnit;
import org.pmpledger.events.plan.Measurement;
import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/plans/{planId}/entries}. */
record AddPlanEntryRequest(
        @NotNull @Positive Integer goal,
        @Positive Integer objective,
        @Size(max = 1000) String objectiveText,
        @Size(max = 4000) String strategy,

        @Pattern(regexp = InputFormats.INITIATIVE, message = InputFormats.INITIATIVE_MESSAGE)
        String initiative,

        @NotNull @Valid MeasurementBody measurement) {

    /** @param indicator a Practice Indicator code of the cycle, or absent for another measure named by {@code title} */
    record MeasurementBody(
            @Pattern(regexp = InputFormats.INDICATOR, message = InputFormats.INDICATOR_MESSAGE)
            String indicator,

            @NotBlank @Size(max = 500) String title,
            MeasureUnit unit,
            BigDecimal baseline,
            BigDecimal target) {}

    AddPlanEntry toCommand(String planId, String entryId) {
        return new AddPlanEntry(
                planId,
                entryId,
                goal,
                objective,
                objectiveText,
                strategy,
                initiative,
                new Measurement(
                        measurement.indicator(),
                        measurement.title(),
                        measurement.unit(),
                        measurement.baseline(),
                        measurement.target()));
    }
}

package org.pmpledger.command.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmpledger.events.cycle.AgencyIndicatorValuesRecorded.AgencyValue;
import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/cycles/{ffy}/agency-values}. */
record RecordAgencyIndicatorValuesRequest(
        @NotNull @Pattern(regexp = InputFormats.INDICATOR, message = InputFormats.INDICATOR_MESSAGE)
        String indicator,

        @NotEmpty @Size(max = 200) List<@Valid @NotNull Value> values) {

    record Value(
            @NotNull @Pattern(regexp = InputFormats.AGENCY, message = InputFormats.AGENCY_MESSAGE)
            String lcsa,

            @NotNull BigDecimal value,
            @NotNull LocalDate asOf) {}

    RecordAgencyIndicatorValues toCommand(int ffy) {
        return new RecordAgencyIndicatorValues(
                CycleEvent.cycleIdOf(ffy),
                indicator,
                values.stream()
                        .map(v -> new AgencyValue(v.lcsa(), v.value(), v.asOf()))
                        .toList());
    }
}

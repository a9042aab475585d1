package org.pmpledger.command.cycle;

import java.time.LocalDate;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.pmpledger.events.cycle.AgencyCaseloadsRecorded.AgencyCaseload;
import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/cycles/{ffy}/caseloads}. */
record RecordAgencyCaseloadsRequest(
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Caseload> caseloads) {

    record Caseload(
            @NotNull @Pattern(regexp = InputFormats.AGENCY, message = InputFormats.AGENCY_MESSAGE)
            String lcsa,

            @NotNull @PositiveOrZero @Max(100_000_000) Long cases,
            @NotNull LocalDate asOf) {}

    RecordAgencyCaseloads toCommand(int ffy) {
        return new RecordAgencyCaseloads(
                CycleEvent.cycleIdOf(ffy),
                caseloads.stream()
                        .map(c -> new AgencyCaseload(c.lcsa(), c.cases(), c.asOf()))
                        .toList());
    }
}

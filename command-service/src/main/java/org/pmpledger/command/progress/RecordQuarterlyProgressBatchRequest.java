package org.pmpledger.command.progress;

import java.math.BigDecimal;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmpledger.events.plan.Quarter;
import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/progress-batches}: many RecordQuarterlyProgress at once, all or nothing. */
record RecordQuarterlyProgressBatchRequest(
        @NotEmpty @Size(max = 1000) List<@Valid @NotNull Item> items) {

    record Item(
            @NotNull @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
            String planId,

            @NotNull @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
            String entryId,

            @NotNull @Pattern(regexp = Quarter.NAMES, message = "must be one of Q1, Q2, Q3, Q4")
            String quarter,

            BigDecimal value,
            @NotBlank @Size(max = 4000) String narrative,
            @Size(max = 2000) String reason) {}
}

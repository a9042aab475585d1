package org.pmpledger.command.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/plans}. */
record DraftPlanRequest(
        @NotNull @Min(2000) @Max(2100) Integer ffy,
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be an agency code such as ALAMEDA") String lcsa,
        @Size(max = 300) String title) {
}

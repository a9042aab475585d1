package org.pmpledger.command.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/plans}. */
record DraftPlanRequest(
        @NotNull @Min(2000) @Max(2100) Integer ffy,

        @NotNull @Pattern(regexp = InputFormats.AGENCY, message = InputFormats.AGENCY_MESSAGE)
        String lcsa,

        @Size(max = 300) String title) {}

package org.pmpledger.command.tactic;

import java.time.LocalDate;
import java.util.List;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/plans/{planId}/tactics}. */
record AddTacticRequest(
        @NotNull @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
        String entryId,

        @NotBlank @Size(max = 500) String title,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> leads,
        @Size(max = 4000) String description,
        @NotNull LocalDate projectedCompletion,

        @Pattern(regexp = InputFormats.INITIATIVE, message = InputFormats.INITIATIVE_MESSAGE)
        String initiative) {}

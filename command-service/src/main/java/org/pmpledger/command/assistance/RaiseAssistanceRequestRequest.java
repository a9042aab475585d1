package org.pmpledger.command.assistance;

import java.time.LocalDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/plans/{planId}/assistance-requests}. */
record RaiseAssistanceRequestRequest(
        @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
        String entryId,

        @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
        String tacticId,

        @NotBlank @Size(max = 4000) String need,
        @NotBlank @Size(max = 500) String from,
        @NotNull LocalDate neededBy) {}

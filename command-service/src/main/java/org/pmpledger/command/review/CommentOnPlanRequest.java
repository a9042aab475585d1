package org.pmpledger.command.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmpledger.web.InputFormats;

/** The body of {@code POST /api/v1/plans/{planId}/comments}. */
record CommentOnPlanRequest(
        @Pattern(regexp = InputFormats.UUID, message = InputFormats.UUID_MESSAGE)
        String entryId,

        @NotBlank @Size(max = 4000) String comment) {}

package org.pmpledger.command.assistance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/plans/{planId}/assistance-requests/{requestId}/comments}. */
record AssistanceCommentRequest(@NotBlank @Size(max = 4000) String comment) {}

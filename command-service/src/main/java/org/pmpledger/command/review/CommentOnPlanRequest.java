package org.pmpledger.command.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/plans/{planId}/comments}. */
record CommentOnPlanRequest(@Size(max = 64) String entryId, @NotBlank @Size(max = 4000) String comment) {
}

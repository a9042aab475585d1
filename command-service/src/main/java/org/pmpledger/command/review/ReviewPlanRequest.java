package org.pmpledger.command.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/plans/{planId}/review}. */
record ReviewPlanRequest(
        @NotNull ReviewDecision decision, @Size(max = 4000) String comments) {}

package org.pmpledger.command.progress;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/plans/{planId}/final-results} (optional). */
record SubmitFinalResultsRequest(@Size(max = 8000) String narrative) {}

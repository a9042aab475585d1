package org.pmpledger.command.progress;

import java.math.BigDecimal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/plans/{planId}/entries/{entryId}/progress/{quarter}}. */
record RecordQuarterlyProgressRequest(
        BigDecimal value,
        @NotBlank @Size(max = 4000) String narrative,
        @Size(max = 2000) String reason) {}

package org.pmpledger.command.entry;

import java.math.BigDecimal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/plans/{planId}/entries/{entryId}/measurement}: a value left out stays as it is. */
record ReviseMeasurementRequest(
        BigDecimal baseline,
        BigDecimal target,
        @NotBlank @Size(max = 2000) String reason) {}

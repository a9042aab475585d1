package org.pmpledger.command.tactic;

import java.time.LocalDate;
import java.util.List;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/plans/{planId}/tactics/{tacticId}}: what is left out stays as it is. */
record ReviseTacticRequest(
        @Size(min = 1, max = 500) String title,
        @Size(min = 1, max = 20) List<@NotBlank @Size(max = 200) String> leads,
        @Size(max = 4000) String description,
        LocalDate projectedCompletion,
        @NotBlank @Size(max = 2000) String reason) {}

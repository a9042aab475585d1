package org.pmpledger.command.tactic;

import java.time.LocalDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.pmpledger.events.plan.TacticStatus;

/** The body of {@code POST /api/v1/plans/{planId}/tactics/{tacticId}/status}. */
record ChangeTacticStatusRequest(
        @NotNull TacticStatus status,
        LocalDate actualCompletion,
        @Size(max = 2000) String comment) {}

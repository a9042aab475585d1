package org.pmpledger.command.entry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A body that only says why: removals and withdrawals. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {}

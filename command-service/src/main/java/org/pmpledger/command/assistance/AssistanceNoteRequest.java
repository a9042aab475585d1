package org.pmpledger.command.assistance;

import jakarta.validation.constraints.Size;

/**
 * The body of a step of a request for state assistance: its note (what is escalated, the response, the resolution;
 * optional only for an acknowledgement).
 */
record AssistanceNoteRequest(@Size(max = 4000) String note) {}

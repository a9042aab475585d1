package org.pmpledger.command.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to every accepted command.
 *
 * @param id       the id of what the command created or changed: a cycle, a plan, an entry, a tactic
 * @param planId   the plan an entry or tactic belongs to (absent when {@code id} is the plan or a cycle)
 * @param version  the plan's (or cycle's) version after the command: the number of its events
 * @param position the global position of the last event written: pass it as {@code minPosition} to
 *                 the query service to read your own write
 * @param outcome  what the command has to say besides, e.g. SubmitFinalResults' measurements missing a Q4 value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAccepted(String id, String planId, long version, long position, Object outcome) {}

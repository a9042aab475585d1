package org.pmpledger.command.dispatch;

/**
 * The answer to every accepted command.
 *
 * @param id       the plan's or cycle's id
 * @param version  the plan's (or cycle's) version after the command: the number of its events
 * @param position the global position of the last event written: pass it as {@code minPosition} to
 *                 the query service to read your own write
 */
public record CommandAccepted(String id, long version, long position) {
}

package org.pmpledger.command.dispatch;

import java.util.List;

/**
 * The answer to an accepted batch of commands (all were stored, in one transaction).
 *
 * @param commands how many commands were accepted
 * @param position the global position of the last event written: pass it as {@code minPosition} to the query
 *                 service to read the whole batch
 * @param plans    each plan the batch changed, with its version and last position afterwards
 */
public record BatchAccepted(int commands, long position, List<CommandAccepted> plans) {}

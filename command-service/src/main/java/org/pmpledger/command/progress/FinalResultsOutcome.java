package org.pmpledger.command.progress;

import java.util.List;

/** What SubmitFinalResults answers besides the plan's version: the measurements still missing a Q4 value. */
public record FinalResultsOutcome(List<MissingQ4Value> missingQ4Values) {

    public record MissingQ4Value(String entryId, int goal, String indicator, String measurement) {}
}

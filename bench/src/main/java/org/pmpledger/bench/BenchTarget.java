package org.pmpledger.bench;

import java.util.List;

import org.pmpledger.bench.BenchPlans.Plan;
import org.pmpledger.testsupport.RunningService;

/** A server the command benchmark loads, the query service projecting what it stores (if any), and its plans. */
record BenchTarget(RunningService service, RunningService query, List<Plan> plans) {

    /** The same plans on another server, where nothing has been recorded yet. */
    BenchTarget peer(RunningService peer) {
        return new BenchTarget(peer, query, plans.stream().map(Plan::elsewhere).toList());
    }
}

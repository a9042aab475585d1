package org.pmpledger.bench;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import org.pmpledger.testsupport.RunningService;

/**
 * The measures of one command benchmark run, in order: the warm-up, the compared rounds, P1's open-loop latency, the
 * bulk rounds, the lags. Before every measure the query side catches up with everything stored so far, so that no
 * measure pays for the backlog of the one before; and each round runs its measures in the order opposite to the round
 * before.
 */
final class CommandPathRun {

    /** P3's clients, and the raw batched inserts' next to it. */
    static final int BULK_CLIENTS = 4;

    private final LoadPhases load;
    private final PhaseCosts costs;
    private final PhaseProfile profile;
    private final BenchTarget ours;
    private final BenchTarget raw;
    private final BenchTarget stock;
    private final DataSource rawStore;
    private final Duration phase;

    /** One measure, kept in the run's measures. */
    private interface Measure {
        void run() throws Exception;
    }

    CommandPathRun(
            LoadPhases load,
            PhaseCosts costs,
            PhaseProfile profile,
            BenchTarget ours,
            BenchTarget raw,
            BenchTarget stock,
            DataSource rawStore,
            Duration phase) {
        this.load = load;
        this.costs = costs;
        this.profile = profile;
        this.ours = ours;
        this.raw = raw;
        this.stock = stock;
        this.rawStore = rawStore;
        this.phase = phase;
    }

    /**
     * Every server for {@code duration} on the paths its measures take (the command service on all of them: see
     * {@link LoadPhases#warmUp}), and each raw PostgreSQL measure for a phase.
     */
    void warmUp(Duration duration) throws Exception {
        use(ours);
        load.warmUp(duration);
        for (BenchTarget peer : List.of(raw, stock)) {
            use(peer);
            load.closedLoop(duration);
        }
        PostgresLimits.singleRowCommits(rawStore, phase, LoadPhases.CLIENTS);
        PostgresLimits.batchedInserts(rawStore, phase, BULK_CLIENTS);
    }

    /** Raw single-row commits, raw HTTP + commit, stock Axon and P1 in {@value CommandPathBenchmark#ROUNDS} rounds. */
    void comparedRounds(CommandPathMeasures m) throws Exception {
        rounds(List.of(
                () -> m.rawRows()
                        .add(costs.measured(
                                CommandPathBenchmark.RAW_ROWS,
                                () -> PostgresLimits.singleRowCommits(rawStore, phase, LoadPhases.CLIENTS))),
                () -> {
                    use(raw);
                    m.rawHttp().add(costs.measured(CommandPathBenchmark.RAW_HTTP, () -> load.closedLoop(phase)));
                },
                () -> {
                    use(stock);
                    m.stock().add(costs.measured(CommandPathBenchmark.STOCK, () -> load.closedLoop(phase)));
                },
                () -> {
                    use(ours);
                    m.p1().add(costs.measured(
                            "P1", () -> profile.during("p1", services(), () -> load.closedLoop(phase))));
                }));
    }

    /** P1's mix open-loop at 80 % of P1's median rate: the latency each request sees from its scheduled send. */
    void openLoop(CommandPathMeasures m) throws Exception {
        drain();
        int rate = (int) Math.max(10, 0.8 * m.p1().medianRate());
        m.p1Open(costs.measured("P1 open loop", () -> load.openLoop(phase, rate)), rate);
    }

    /** Raw batched inserts and P3 in {@value CommandPathBenchmark#ROUNDS} rounds. */
    void bulkRounds(CommandPathMeasures m) throws Exception {
        rounds(List.of(
                () -> m.rawBatched()
                        .add(costs.measured(
                                CommandPathBenchmark.RAW_BATCHED,
                                () -> PostgresLimits.batchedInserts(rawStore, phase, BULK_CLIENTS))),
                () -> {
                    use(ours);
                    m.p3().add(costs.measured(
                            "P3", () -> profile.during("p3", services(), () -> load.bulk(phase, 500))));
                }));
    }

    /** P5 at 80 % and P5 light at a tenth of P1's median rate. */
    void lags(CommandPathMeasures m) throws Exception {
        drain();
        int heavy = (int) Math.max(10, 0.8 * m.p1().medianRate());
        m.p5(
                costs.measured(
                        "P5",
                        () -> profile.during("p5", services(), () -> load.steadyLag(phase, heavy)),
                        FixedRateLoad.Lag::toRead),
                heavy);
        drain();
        int light = (int) Math.max(5, 0.1 * m.p1().medianRate());
        m.p5light(costs.measured("P5 light", () -> load.steadyLag(phase, light), FixedRateLoad.Lag::toRead), light);
    }

    private void rounds(List<Measure> measures) throws Exception {
        for (int round = 1; round <= CommandPathBenchmark.ROUNDS; round++) {
            System.out.printf("round %d of %d%n", round, CommandPathBenchmark.ROUNDS);
            for (Measure measure : round % 2 == 1 ? measures : measures.reversed()) {
                drain();
                measure.run();
            }
        }
    }

    /** Until the query side has applied everything the command service stored (a backlog drains first). */
    private void drain() {
        use(ours);
        load.awaitQuerySide();
    }

    private List<RunningService> services() {
        return List.of(ours.service(), ours.query());
    }

    private void use(BenchTarget target) {
        load.use(target.service().baseUrl(), target.plans());
    }
}

package org.pmpledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of the command benchmark measured: the measures compared in rounds (raw PostgreSQL, raw HTTP + commit,
 * stock Axon, P1; raw batched inserts and P3), and the single phases at a rate derived from P1 (its open-loop latency,
 * P5 and P5 light), with the rate each was offered.
 */
final class CommandPathMeasures {

    private final Rounds rawRows = new Rounds();
    private final Rounds rawHttp = new Rounds();
    private final Rounds stock = new Rounds();
    private final Rounds p1 = new Rounds();
    private final Rounds rawBatched = new Rounds();
    private final Rounds p3 = new Rounds();
    private Phase p1Open;
    private int p1OpenRate;
    private FixedRateLoad.Lag p5;
    private int p5Rate;
    private FixedRateLoad.Lag p5light;
    private int p5lightRate;
    private StartupTimes commandStarts;
    private StartupTimes queryStarts;

    void starts(StartupTimes command, StartupTimes query) {
        commandStarts = command;
        queryStarts = query;
    }

    StartupTimes commandStarts() {
        return commandStarts;
    }

    StartupTimes queryStarts() {
        return queryStarts;
    }

    Rounds rawRows() {
        return rawRows;
    }

    Rounds rawHttp() {
        return rawHttp;
    }

    Rounds stock() {
        return stock;
    }

    Rounds p1() {
        return p1;
    }

    Rounds rawBatched() {
        return rawBatched;
    }

    Rounds p3() {
        return p3;
    }

    void p1Open(Phase phase, int offered) {
        p1Open = phase;
        p1OpenRate = offered;
    }

    Phase p1Open() {
        return p1Open;
    }

    int p1OpenRate() {
        return p1OpenRate;
    }

    void p5(FixedRateLoad.Lag phase, int offered) {
        p5 = phase;
        p5Rate = offered;
    }

    FixedRateLoad.Lag p5() {
        return p5;
    }

    int p5Rate() {
        return p5Rate;
    }

    void p5light(FixedRateLoad.Lag phase, int offered) {
        p5light = phase;
        p5lightRate = offered;
    }

    FixedRateLoad.Lag p5light() {
        return p5light;
    }

    int p5lightRate() {
        return p5lightRate;
    }

    /** Every measure's phases as one, by the name its CPU was kept under. */
    Map<String, Phase> byMeasure() {
        Map<String, Phase> all = new LinkedHashMap<>();
        all.put(CommandPathBenchmark.RAW_ROWS, rawRows.merged());
        all.put(CommandPathBenchmark.RAW_HTTP, rawHttp.merged());
        all.put(CommandPathBenchmark.STOCK, stock.merged());
        all.put("P1", p1.merged());
        all.put("P1 open loop", p1Open);
        all.put(CommandPathBenchmark.RAW_BATCHED, rawBatched.merged());
        all.put("P3", p3.merged());
        all.put("P5", p5.toRead());
        all.put("P5 light", p5light.toRead());
        return all;
    }
}

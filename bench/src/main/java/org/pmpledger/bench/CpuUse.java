package org.pmpledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase, read from /proc (Linux): each service's JVM, PostgreSQL's processes, this
 * JVM (the load generator and the in-process Kafka broker), and the rest (kernel threads, other daemons). Divided by the
 * phase's commands it gives the CPU each command costs every part of the box: the figure that says what limits the rate.
 * Elsewhere than Linux it reports nothing.
 */
final class CpuUse {

    /** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on every Linux build that matters here). */
    private static final double TICKS_PER_SECOND = 100;

    static final List<String> PARTS = List.of(
            "command-service",
            "query-service",
            "raw HTTP server",
            "stock Axon",
            "PostgreSQL",
            "bench JVM (load, broker)",
            "other");

    /** CPU ticks per part at one instant, and the machine's busy and steal ticks. */
    record Snapshot(Map<String, Long> ticks, long machineBusy, long steal) {}

    /** The CPU each part used between two snapshots, in seconds; {@code machine} and {@code steal} for the whole box. */
    record Used(Map<String, Double> seconds, double machine, double steal) {

        /** Both spans' use together (the rounds of one measure). */
        Used plus(Used other) {
            Map<String, Double> sum = new LinkedHashMap<>(seconds);
            other.seconds().forEach((part, s) -> sum.merge(part, s, Double::sum));
            return new Used(sum, machine + other.machine(), steal + other.steal());
        }

        /** Milliseconds of CPU per command, per part. */
        Map<String, Double> perCommand(long commands) {
            Map<String, Double> each = new LinkedHashMap<>();
            seconds.forEach((part, s) -> each.put(part, commands == 0 ? Double.NaN : s * 1000 / commands));
            return each;
        }
    }

    private final Map<String, Long> services;

    /** @param services part name → pid of each service's JVM */
    CpuUse(Map<String, Long> services) {
        this.services = services;
    }

    Snapshot take() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        services.forEach((name, pid) -> ticks.put(name, processTicks(Path.of("/proc/" + pid + "/stat"))));
        ticks.put("PostgreSQL", postgresTicks());
        ticks.put(
                "bench JVM (load, broker)",
                processTicks(Path.of("/proc/" + ProcessHandle.current().pid() + "/stat")));
        long[] machine = machineTicks();
        return new Snapshot(ticks, machine[0], machine[1]);
    }

    static Used between(Snapshot before, Snapshot after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        double named = 0;
        for (Map.Entry<String, Long> part : after.ticks().entrySet()) {
            double s = (part.getValue() - before.ticks().getOrDefault(part.getKey(), 0L)) / TICKS_PER_SECOND;
            seconds.put(part.getKey(), s);
            named += s;
        }
        double machine = (after.machineBusy() - before.machineBusy()) / TICKS_PER_SECOND;
        seconds.put("other", Math.max(0, machine - named));
        return new Used(seconds, machine, (after.steal() - before.steal()) / TICKS_PER_SECOND);
    }

    /** utime + stime of one process (all its threads), in ticks; 0 when it is gone or this is not Linux. */
    private static long processTicks(Path stat) {
        return ticks(stat, false);
    }

    /**
     * utime + stime (the 14th and 15th fields of /proc/PID/stat), with {@code reapedChildren} also cutime + cstime: what
     * its children used until they exited (PostgreSQL's backends of closed connections, counted in the postmaster's).
     */
    private static long ticks(Path stat, boolean reapedChildren) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" "); // fields from the 3rd (state) on
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reapedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Every PostgreSQL process's CPU (the server, its backends and workers, and the backends that exited: their time is
     * the server's reaped children's), by the command name the kernel knows.
     */
    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("comm")).strip().startsWith("postgres");
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    })
                    .mapToLong(p -> ticks(p.resolve("stat"), true))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, steal} ticks of the whole machine: /proc/stat's first line, all but idle, iowait and steal counted as busy. */
    private static long[] machineTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long user = Long.parseLong(cpu[1]), nice = Long.parseLong(cpu[2]), system = Long.parseLong(cpu[3]);
            long irq = Long.parseLong(cpu[6]), softirq = Long.parseLong(cpu[7]), steal = Long.parseLong(cpu[8]);
            return new long[] {user + nice + system + irq + softirq, steal};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}

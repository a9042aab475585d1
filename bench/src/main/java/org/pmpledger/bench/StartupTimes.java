package org.pmpledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pmpledger.testsupport.RunningService;

/**
 * A service's start-up, from process start to healthy, in repeated starts next to the running stack (a restart of one
 * instance while the others run): the median of them and each one.
 */
record StartupTimes(List<Duration> starts) {

    static final int STARTS = 5;

    /** {@value #STARTS} starts of the service as the benchmark runs it, each closed before the next. */
    static StartupTimes of(ServiceLaunch launch, String name, Path jar, Path aotCache, Map<String, String> properties)
            throws InterruptedException {
        List<Duration> starts = new ArrayList<>();
        for (int i = 1; i <= STARTS; i++) {
            try (RunningService started = launch.start(name + "-start-" + i, jar, aotCache, properties)) {
                starts.add(started.startup());
            }
        }
        return new StartupTimes(starts);
    }

    Duration median() {
        return starts.stream().sorted().toList().get(starts.size() / 2);
    }

    /** Each start in seconds, as "a / b / c / d / e". */
    String each() {
        return String.join(
                " / ",
                starts.stream()
                        .map(d -> String.format("%.1f", d.toMillis() / 1e3))
                        .toList());
    }
}

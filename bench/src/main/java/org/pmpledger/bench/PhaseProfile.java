package org.pmpledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.pmpledger.testsupport.RunningService;

/**
 * CPU profiles of the services during one phase only, with async-profiler attached to the running JVMs
 * ({@code jcmd <pid> JVMTI.agent_load}): {@code -Dbench.profiler=/path/to/libasyncProfiler.so} (the library ships
 * in Maven Central's {@code tools.profiler:async-profiler:4.2:jar:linux-x64}). Each service's folded stacks go to
 * {@code bench/target/<service>-<phase>.collapsed}, one line per stack with its sample count, for any flame graph
 * tool or a grep. Without the property a phase runs unprofiled.
 */
final class PhaseProfile {

    private final String library = System.getProperty("bench.profiler");
    private final Path target;

    PhaseProfile(Path root) {
        this.target = root.resolve("bench/target");
    }

    <T> T during(String phase, List<RunningService> services, Callable<T> work) throws Exception {
        if (library == null || library.isBlank()) {
            return work.call();
        }
        for (RunningService service : services) {
            agent(service, "start,event=cpu,interval=1ms,cstack=vm");
        }
        try {
            return work.call();
        } finally {
            for (RunningService service : services) {
                agent(service, "stop,collapsed,file=" + target.resolve(service.name() + "-" + phase + ".collapsed"));
            }
        }
    }

    private void agent(RunningService service, String options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(service.pid()),
                "JVMTI.agent_load",
                library,
                '"' + options + '"')); // unquoted, jcmd cuts at the first comma
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0 || output.contains("[ERROR]")) {
            System.out.println("profiler: " + String.join(" ", command) + ": " + output.strip());
        }
    }
}

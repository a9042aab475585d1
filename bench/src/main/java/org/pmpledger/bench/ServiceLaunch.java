package org.pmpledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.pmpledger.testsupport.RunningService;

/**
 * How the command benchmark starts each service as a process of its own: its jar extracted as README Operations
 * describes, with the JVM options it recommends and an AOT cache trained for it. Logs and caches go to bench/target
 * under the repository's root.
 */
final class ServiceLaunch {

    /** The JVM options the README recommends for each service on a small machine (see Operations). */
    static final List<String> SERVICE_JVM = serviceJvm();

    private final Path root;

    /** @param root the repository's root */
    ServiceLaunch(Path root) {
        this.root = root;
    }

    /**
     * The options README Operations recommends ({@code infra/service-jvm.options}), then any of
     * {@code -Dbench.jvm="..."} (space-separated: trying other JVM flags).
     */
    private static List<String> serviceJvm() {
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(
                    Path.of(System.getProperty("pmp.root", "..")).resolve("infra/service-jvm.options"))) {
                String option = line.replaceFirst("#.*", "").strip();
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String extra = System.getProperty("bench.jvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return List.copyOf(options);
    }

    /** The service, as {@code name}, from its extracted jar, with its JVM options and AOT cache (null: none). */
    RunningService start(String name, Path jar, Path aotCache, Map<String, String> properties) {
        return RunningService.start(name, jar, jvmOptions(name, aotCache), properties);
    }

    /**
     * One of the peers the command service is measured against (bench-peers' jar): {@code raw} (the smallest HTTP server
     * that commits one event row per command) or {@code stock} (the same rules on Axon's Spring Boot defaults), with the
     * services' JVM options.
     */
    RunningService peer(String peer, Map<String, String> properties) {
        Path jar = root.resolve("bench-peers/target/bench-peers-0.1.0-SNAPSHOT-exec.jar");
        List<String> options = new ArrayList<>(SERVICE_JVM);
        options.add("-Dpeer=" + peer);
        return RunningService.start(peer + "-peer", jar, options, properties);
    }

    /**
     * The services' JVM options; {@code -Dbench.jfr=true} adds a JFR profile of each to bench/target/&lt;service&gt;.jfr.
     * With an AOT cache (JDK 25) the classes of the service come loaded and linked from it.
     */
    private List<String> jvmOptions(String service, Path aotCache) {
        List<String> options = new ArrayList<>(SERVICE_JVM);
        if (aotCache != null) {
            options.add("-XX:AOTCache=" + aotCache);
        }
        if (Boolean.getBoolean("bench.jfr")) {
            options.add("-XX:StartFlightRecording=settings=profile,filename="
                    + root.resolve("bench/target/" + service + ".jfr"));
        }
        return options;
    }

    /**
     * The service's jar extracted as README Operations describes (Spring Boot's {@code -Djarmode=tools extract}: the
     * application jar beside its libraries, which the JVM can cache, unlike classes nested in the executable jar).
     */
    Path extracted(String service) throws Exception {
        Path jar = root.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar");
        Path directory = root.resolve("bench/target/" + service + "-extracted");
        run(
                List.of(
                        javaBinary(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        directory.toString(),
                        "--force"),
                root.resolve("bench/target/" + service + "-extract.log"));
        return directory.resolve(jar.getFileName());
    }

    /**
     * A training start of the service (the context refreshes against its own scratch database, then the JVM exits) that
     * writes its AOT cache (JDK 25's {@code -XX:AOTCacheOutput}); null on an older JDK or when training fails.
     */
    Path trainedAotCache(String service, Path jar, Map<String, String> properties) throws Exception {
        if (Runtime.version().feature() < 25) {
            return null;
        }
        Path cache = root.resolve("bench/target/" + service + ".aot");
        Files.deleteIfExists(cache);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(SERVICE_JVM);
        command.addAll(List.of(
                "-XX:AOTCacheOutput=" + cache,
                "-Dspring.context.exit=onRefresh",
                "-jar",
                jar.toString(),
                "--server.port=0"));
        command.addAll(ServiceProperties.arguments(properties));
        int exit = run(command, root.resolve("bench/target/" + service + "-training.log"));
        if (exit != 0 || !Files.isRegularFile(cache)) {
            System.out.printf("AOT cache training of %s failed (exit %d); it starts without one%n", service, exit);
            return null;
        }
        return cache;
    }

    private static int run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish (log: " + log + ")");
        }
        return process.exitValue();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

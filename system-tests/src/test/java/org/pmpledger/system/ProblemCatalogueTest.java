package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.pmpledger.web.ProblemCatalogue;

/**
 * Every problem type leads somewhere: each rule a refusal names in the services' code has its page in
 * {@code service-web/src/main/resources/problems/rules.tsv}, and each page names a rule the code still refuses by. A
 * hyphenated name in the code that is not a rule (a bean, a header, a client id) is listed here as such.
 */
class ProblemCatalogueTest {

    private static final Path ROOT = Path.of("..");
    private static final String CATALOGUE = "service-web/src/main/resources/problems/rules.tsv";
    private static final Pattern NAME = Pattern.compile("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"");

    /** Hyphenated names in the services' code that name no rule (beans, headers, metrics, file names, cell formats). */
    private static final Set<String> NOT_RULES = Set.of(
            "broker-health",
            "consumer-fetch-manager-metrics",
            "content-type",
            "kafka-publisher",
            "local-dev",
            "plan-projections",
            "pmp-assistance-requests",
            "pmp-due",
            "no-cache",
            "no-referrer",
            "pmp-ledger-local",
            "records-lag-max",
            "request-bounds",
            "topic-partitions",
            "audit-streams",
            "uri-reference",
            "pmp-ffy",
            "pmp-plans",
            "yyyy-mm-dd");

    @Test
    void everyRuleTheCodeRefusesByHasAPage() throws IOException {
        Set<String> missing = new TreeSet<>(namesInTheCode());
        missing.removeAll(NOT_RULES);
        missing.removeAll(catalogued());

        assertThat(missing).as("rules without a line in " + CATALOGUE).isEmpty();
    }

    @Test
    void everyPageNamesARuleTheCodeStillRefusesBy() throws IOException {
        String code = allCode();
        Set<String> stale = new TreeSet<>();
        for (String rule : catalogued()) {
            if (!code.contains("\"" + rule + "\"")) {
                stale.add(rule);
            }
        }

        assertThat(stale).as("lines of " + CATALOGUE + " no code refuses by").isEmpty();
    }

    private static Set<String> catalogued() {
        return new TreeSet<>(ProblemCatalogue.load().all().keySet());
    }

    private static Set<String> namesInTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(allCode());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String allCode() throws IOException {
        StringBuilder code = new StringBuilder();
        for (String module : new String[] {"command-service", "query-service", "service-web"}) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    code.append(Files.readString(file)).append('\n');
                }
            }
        }
        return code.toString();
    }
}

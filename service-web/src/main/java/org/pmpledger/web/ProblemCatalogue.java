package org.pmpledger.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule a refusal names in its problem type ({@code /problems/<rule>}), with the status it is answered with and
 * how to change the request: read from {@code problems/rules.tsv}, the one place they are written.
 */
public final class ProblemCatalogue {

    private static final String FILE = "/problems/rules.tsv";

    /**
     * One rule's page.
     *
     * @param status the HTTP status it is answered with, or {@code 4xx} for a rule several statuses share
     */
    public record Rule(String rule, String status, String title, String fix) {}

    private final Map<String, Rule> rules;

    private ProblemCatalogue(Map<String, Rule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    public static ProblemCatalogue load() {
        try (InputStream in = ProblemCatalogue.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Rule> rules = new LinkedHashMap<>();
            boolean header = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 4) {
                    throw new IllegalStateException(
                            FILE + ": a line has " + columns.length + " columns, not 4: " + line);
                }
                if (!columns[1].matches("[1-5](\\d\\d|xx)")) {
                    throw new IllegalStateException(FILE + ": " + columns[0] + " has no status but " + columns[1]);
                }
                Rule rule = new Rule(columns[0], columns[1], columns[2], columns[3]);
                if (rules.put(rule.rule(), rule) != null) {
                    throw new IllegalStateException(FILE + " names " + rule.rule() + " twice");
                }
            }
            return new ProblemCatalogue(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Rule> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    public Map<String, Rule> all() {
        return rules;
    }
}

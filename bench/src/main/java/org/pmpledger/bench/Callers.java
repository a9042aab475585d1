package org.pmpledger.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.pmpledger.testsupport.TestTokens;

/**
 * Who sends the benchmark's commands: for every agency, two of its editors and its own application, each with a token
 * of its own (147 callers for 49 agencies), so the services verify and keep as many tokens as they would in the field,
 * not one.
 */
final class Callers {

    private final TestTokens tokens;
    private final Map<String, List<String>> byAgency = new ConcurrentHashMap<>();

    Callers(TestTokens tokens) {
        this.tokens = tokens;
    }

    /** One of the callers who may act for {@code lcsa}'s plans, chosen at random. */
    String anyFor(String lcsa) {
        List<String> callers = byAgency.computeIfAbsent(
                lcsa,
                agency -> List.of(
                        tokens.token("editor-1@" + agency.toLowerCase(), List.of("LCSA_EDITOR"), agency, null),
                        tokens.token("editor-2@" + agency.toLowerCase(), List.of("LCSA_EDITOR"), agency, null),
                        tokens.token("case-app@" + agency.toLowerCase(), List.of("SERVICE"), agency, null)));
        return callers.get(ThreadLocalRandom.current().nextInt(callers.size()));
    }

    /** How many callers have sent so far. */
    int count() {
        return byAgency.values().stream().mapToInt(List::size).sum();
    }
}

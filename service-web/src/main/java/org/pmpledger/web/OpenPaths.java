package org.pmpledger.web;

import java.util.List;

/**
 * Paths of a service that need no bearer token (declared once per service, a bean of this type), because what they
 * answer carries its own credential, e.g. a calendar feed whose URL holds a revocable token.
 *
 * @param patterns path patterns, e.g. {@code /api/v1/feeds/{token}/due.ics}
 */
public record OpenPaths(List<String> patterns) {

    public OpenPaths {
        patterns = List.copyOf(patterns);
    }
}

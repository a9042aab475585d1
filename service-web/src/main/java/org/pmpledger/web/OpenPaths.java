package org.pmpledger.web;

import java.util.List;

/**
 * Paths of a service that need no bearer token, declared by the part of the service that owns them (a bean of this
 * type each): what they answer carries its own credential (a calendar feed whose URL holds a revocable token) or no
 * data at all (the dashboard's static pages, which read the API with the caller's token).
 *
 * @param patterns path patterns, e.g. {@code /api/v1/feeds/{token}/due.ics}
 */
public record OpenPaths(List<String> patterns) {

    public OpenPaths {
        patterns = List.copyOf(patterns);
    }
}

package org.pmpledger.system;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Where two JSON answers differ, as paths with both values. Instants are compared to the microsecond: the read models
 * keep PostgreSQL's precision, while an event's own instant (what the audit replay answers) keeps the nanoseconds of
 * the clock that stamped it.
 */
final class JsonDifferences {

    private static final int SHOWN = 10;

    private JsonDifferences() {}

    static List<String> between(JsonNode actual, JsonNode expected) {
        return between(actual, expected, List.of());
    }

    /** As {@link #between(JsonNode, JsonNode)}, leaving out the properties named {@code ignored} wherever they are. */
    static List<String> between(JsonNode actual, JsonNode expected, List<String> ignored) {
        List<String> differences = new ArrayList<>();
        compare("$", actual, expected, ignored, differences);
        return differences.size() > SHOWN ? differences.subList(0, SHOWN) : differences;
    }

    private static void compare(
            String path, JsonNode actual, JsonNode expected, List<String> ignored, List<String> differences) {
        if (actual.isObject() && expected.isObject()) {
            TreeSet<String> names = new TreeSet<>(actual.propertyNames());
            names.addAll(expected.propertyNames());
            names.removeAll(ignored);
            for (String name : names) {
                JsonNode a = actual.get(name);
                JsonNode e = expected.get(name);
                if (a == null || e == null) {
                    differences.add(path + "." + name + ": " + a + " != " + e);
                } else {
                    compare(path + "." + name, a, e, ignored, differences);
                }
            }
        } else if (actual.isArray() && expected.isArray()) {
            if (actual.size() != expected.size()) {
                differences.add(path + ": " + actual.size() + " items != " + expected.size());
            }
            for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
                compare(path + "[" + i + "]", actual.get(i), expected.get(i), ignored, differences);
            }
        } else if (!actual.equals(expected) && !sameInstant(actual, expected) && !sameNumber(actual, expected)) {
            differences.add(path + ": " + actual + " != " + expected);
        }
    }

    private static boolean sameNumber(JsonNode actual, JsonNode expected) {
        return actual.isNumber()
                && expected.isNumber()
                && actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }

    /** Instants within a microsecond of each other: the database keeps microseconds, however it rounds the rest. */
    private static boolean sameInstant(JsonNode actual, JsonNode expected) {
        if (!actual.isString() || !expected.isString()) {
            return false;
        }
        try {
            Duration apart = Duration.between(Instant.parse(actual.asString()), Instant.parse(expected.asString()));
            return apart.abs().toNanos() < 1_000;
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }
}

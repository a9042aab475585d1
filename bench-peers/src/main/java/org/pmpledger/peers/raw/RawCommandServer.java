package org.pmpledger.peers.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The least a command must do, as a server: take the JSON request over HTTP, parse it, INSERT one event-shaped row into
 * the command service's event store (its table, triggers and hash chain, migrated by the bench) and COMMIT, answering
 * the row's position. The JDK's HTTP server, Jackson and a JDBC pool of the command service's size; nothing else (no
 * rules, no authorization, no publishing). A stream's rows are appended one at a time, each after the one before it
 * committed, as the service appends a plan's events (so each links to its predecessor in the hash chain). Arguments as
 * the services take them: {@code --server.port=}, {@code --spring.datasource.url=}, {@code --spring.datasource.username=},
 * {@code --spring.datasource.password=}.
 */
public final class RawCommandServer {

    /** The command service's pool ({@code spring.datasource.hikari.maximum-pool-size}). */
    private static final int CONNECTIONS = 20;

    /** The command service's Tomcat threads ({@code server.tomcat.threads.max}). */
    private static final int THREADS = 64;

    private static final String INSERT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?, ?, ?, 'Plan', ?, ?, '1', ?, ?) RETURNING global_index";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HikariDataSource pool;
    private final Clock clock = Clock.systemUTC();
    /** Each stream's next sequence number, and its lock while a row of it is appended: this server's streams start empty. */
    private final Map<String, Sequence> sequences = new ConcurrentHashMap<>();

    /** A stream's next sequence number; its monitor is held from drawing the number until the row commits. */
    private static final class Sequence {
        long next;
    }

    private RawCommandServer(HikariDataSource pool) {
        this.pool = pool;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] keyValue = arg.replaceFirst("^--", "").split("=", 2);
            settings.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.get("spring.datasource.url"));
        config.setUsername(settings.get("spring.datasource.username"));
        config.setPassword(settings.getOrDefault("spring.datasource.password", ""));
        config.setMaximumPoolSize(CONNECTIONS);
        config.setAutoCommit(false);
        RawCommandServer server = new RawCommandServer(new HikariDataSource(config));
        HttpServer http = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(settings.get("server.port"))), 256);
        http.setExecutor(Executors.newFixedThreadPool(THREADS));
        http.createContext("/actuator/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        http.createContext("/api/v1/plans/", server::command);
        http.start();
    }

    /**
     * {@code PUT /api/v1/plans/{plan}/entries/{entry}/progress/{quarter}} or {@code POST /api/v1/plans/{plan}/tactics}:
     * one event row committed.
     */
    private void command(HttpExchange exchange) throws IOException {
        int status;
        String answer;
        try {
            String[] path = exchange.getRequestURI().getPath().split("/");
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                request = json.readTree(body);
            }
            boolean progress = path.length == 9 && "progress".equals(path[7]);
            boolean tactic = path.length == 6 && "tactics".equals(path[5]);
            if (!progress && !tactic) {
                answer(exchange, 404, "{\"detail\":\"no such command\"}");
                return;
            }
            String planId = path[4];
            ObjectNode event = json.createObjectNode().put("planId", planId);
            if (progress) {
                event.put("entryId", path[6]).put("quarter", path[8]);
            } else {
                event.put("tacticId", UUID.randomUUID().toString());
            }
            event.setAll((ObjectNode) request);
            event.put("at", clock.instant().toString());
            long position = append(
                    planId,
                    progress
                            ? "org.pmpledger.events.plan.QuarterlyProgressRecorded"
                            : "org.pmpledger.events.plan.TacticAdded",
                    json.writeValueAsBytes(event),
                    json.writeValueAsBytes(json.createObjectNode()
                            .put("subject", "raw")
                            .put("traceId", UUID.randomUUID().toString())));
            status = progress ? 200 : 201;
            answer = "{\"position\":" + position + "}";
        } catch (SQLException | RuntimeException e) {
            status = 500;
            answer = "{\"detail\":\"" + e.getClass().getSimpleName() + "\"}";
        }
        answer(exchange, status, answer);
    }

    private long append(String stream, String payloadType, byte[] payload, byte[] metaData) throws SQLException {
        Sequence sequence = sequences.computeIfAbsent(stream, s -> new Sequence());
        synchronized (sequence) {
            try (Connection connection = pool.getConnection();
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, stream);
                insert.setLong(3, sequence.next);
                insert.setString(4, clock.instant().toString());
                insert.setString(5, payloadType);
                insert.setBytes(6, payload);
                insert.setBytes(7, metaData);
                long position;
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    position = row.getLong(1);
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                }
                sequence.next++;
                return position;
            }
        }
    }

    /** Answers and ends the exchange. */
    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

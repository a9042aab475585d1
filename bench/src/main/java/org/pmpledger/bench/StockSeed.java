package org.pmpledger.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import tools.jackson.databind.node.ArrayNode;

import org.pmpledger.testsupport.TestPostgres;

/**
 * The stock Axon peer given the command service's cycles and plans as they stand after set-up: every stored event, in
 * order, read from the service's event store, so that both decide the same commands on the same state.
 */
final class StockSeed {

    private StockSeed() {}

    /** Posts the event store's history to the stock peer at {@code stockUrl}; answers how many plans it holds. */
    static int seed(TestPostgres.Database eventStore, LedgerHttp http, String token, String stockUrl) throws Exception {
        ArrayNode history = LedgerHttp.JSON.createArrayNode();
        try (Connection c =
                        DriverManager.getConnection(eventStore.jdbcUrl(), eventStore.user(), eventStore.password());
                Statement s = c.createStatement();
                ResultSet events = s.executeQuery(
                        "SELECT aggregate_identifier, payload_type, payload FROM domain_event_entry ORDER BY global_index")) {
            while (events.next()) {
                history.addObject()
                        .put("stream", events.getString(1))
                        .put("type", events.getString(2))
                        .set(
                                "payload",
                                LedgerHttp.JSON.readTree(new String(events.getBytes(3), StandardCharsets.UTF_8)));
            }
        }
        HttpResponse<String> answer = http.send(
                "POST", stockUrl + "/bench/history", token, LedgerHttp.JSON.writeValueAsString(history), null);
        return LedgerHttp.expect(answer, 200).get("plans").asInt();
    }
}

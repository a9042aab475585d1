package org.pmpledger.peers;

import org.pmpledger.peers.raw.RawCommandServer;
import org.pmpledger.peers.stock.StockAxonApplication;

/**
 * The peers' one executable jar: {@code -Dpeer=raw} starts the raw HTTP + commit server, anything else the stock Axon
 * application. Both take the same arguments as the services ({@code --server.port}, {@code --spring.datasource.*}).
 */
public final class Peers {

    private Peers() {}

    public static void main(String[] args) throws Exception {
        if ("raw".equals(System.getProperty("peer"))) {
            RawCommandServer.main(args);
        } else {
            StockAxonApplication.main(args);
        }
    }
}

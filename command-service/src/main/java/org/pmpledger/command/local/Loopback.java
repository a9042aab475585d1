package org.pmpledger.command.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a request comes from this machine itself: what the local profile's conveniences require. */
final class Loopback {

    private Loopback() {}

    /** The socket's peer is this machine, and no proxy says it forwards someone else's request. */
    static boolean sent(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

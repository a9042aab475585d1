package org.pmpledger.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import jakarta.servlet.http.HttpServletRequest;

/** Whether a request comes from this machine itself: what the local profile's conveniences require. */
public final class Loopback {

    private Loopback() {}

    /**
     * The socket's peer is this machine, no proxy says it forwards someone else's request, and the request names this
     * machine as its host (a web page whose name was rebound to 127.0.0.1 names its own).
     */
    public static boolean sent(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        String host = request.getServerName();
        if (!"localhost".equals(host) && !"127.0.0.1".equals(host) && !"[::1]".equals(host) && !"::1".equals(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

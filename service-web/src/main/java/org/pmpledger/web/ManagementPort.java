package org.pmpledger.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests to the management port ({@code management.server.port}), when the service listens on one apart from the
 * API's: the actuator endpoints there (metrics for a scraper, probes for the platform) need no user token, because only
 * the cluster reaches that port. Without a management port of its own, no request matches.
 */
public final class ManagementPort implements RequestMatcher, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return port > 0 && request.getLocalPort() == port;
    }
}

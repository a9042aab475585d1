package org.pmpledger.command.local;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import org.pmpledger.command.dispatch.RequestThreadContext;
import org.pmpledger.web.ApiProblems;
import org.pmpledger.web.Loopback;
import org.pmpledger.web.ProblemJson;

/**
 * Demo time, in the {@code local} profile only: a request from loopback may carry
 * {@code X-Demo-Instant: 2021-09-14T17:00:00Z} and is then decided as if it were that instant, so
 * infra/demo can load a year of history (on-time and late submissions and updates) in a minute. The
 * events' business instants follow it; the event store's own recording time stays the real one. In
 * every other profile the header does not exist.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class DemoTime {

    static final String HEADER = "X-Demo-Instant";
    private static final ThreadLocal<Instant> REQUESTED = new ThreadLocal<>();
    private static final Clock SYSTEM = Clock.systemUTC();

    @Bean
    @Primary
    Clock demoClock() {
        return new RequestClock(ZoneOffset.UTC);
    }

    /** A request's demo instant goes with its commands to whichever thread decides them. */
    @Bean
    RequestThreadContext demoInstantOfTheRequest() {
        return () -> {
            Instant requested = REQUESTED.get();
            return () -> {
                Instant before = REQUESTED.get();
                REQUESTED.set(requested);
                return () -> REQUESTED.set(before);
            };
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OncePerRequestFilter demoInstantFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String header = request.getHeader(HEADER);
                if (header == null || !Loopback.sent(request)) {
                    chain.doFilter(request, response);
                    return;
                }
                try {
                    REQUESTED.set(Instant.parse(header));
                } catch (DateTimeParseException e) {
                    ProblemJson.write(
                            response,
                            HttpStatus.BAD_REQUEST,
                            "invalid-request",
                            "Header " + HEADER + " must be an ISO-8601 instant such as 2021-09-14T17:00:00Z.",
                            List.of(ApiProblems.fieldError(HEADER, "must be an ISO-8601 instant")));
                    return;
                }
                try {
                    chain.doFilter(request, response);
                } finally {
                    REQUESTED.remove();
                }
            }
        };
    }

    /** The requested demo instant on this request's thread, else the system clock. */
    private static final class RequestClock extends Clock {

        private final ZoneId zone;

        RequestClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            Instant requested = REQUESTED.get();
            return requested != null ? requested : SYSTEM.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new RequestClock(other);
        }
    }
}

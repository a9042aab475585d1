package org.pmpledger.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The broker in {@code /actuator/health} and readiness: UP with the nodes that answered, or UNREACHABLE (answered 200,
 * between DOWN and UP) since the first check it failed. An unreachable broker never makes an instance unready: the
 * command side keeps storing events (published when the broker is back), the query side keeps answering what it
 * applied, with {@code reflects} saying how fresh; every instance shares the broker, so taking them out of service
 * would only turn late answers into none. Asked off the probe's path, every 5 seconds on a thread of its own (a broker
 * that does not answer holds no other scheduled work back), with one long-lived client.
 */
public class BrokerHealth implements HealthIndicator, DisposableBean {

    public static final Status UNREACHABLE =
            new Status("UNREACHABLE", "the broker does not answer: the service answers from its database meanwhile");

    private final Supplier<KafkaAdmin> kafka;
    private AdminClient admin;
    private final Clock clock = Clock.systemUTC();
    private volatile Health last =
            Health.unknown().withDetail("broker", "not asked yet").build();
    private volatile Instant unreachableSince;

    private final ScheduledExecutorService asking = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("broker-health").daemon().factory());

    /** @param kafka the client configuration, null where the service has none */
    public BrokerHealth(Supplier<KafkaAdmin> kafka) {
        this.kafka = kafka;
    }

    /** Starts asking, every {@code interval}. */
    public BrokerHealth every(Duration interval) {
        asking.scheduleWithFixedDelay(this::ask, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public Health health() {
        return last;
    }

    synchronized void ask() {
        try {
            if (admin == null) {
                KafkaAdmin configuration = kafka.get();
                if (configuration == null) {
                    return;
                }
                admin = client(configuration);
            }
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            unreachableSince = null;
            last = Health.up().withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            if (unreachableSince == null) {
                unreachableSince = clock.instant();
            }
            last = Health.status(UNREACHABLE)
                    .withDetail("since", unreachableSince.toString())
                    .withDetail("reason", String.valueOf(e.getCause() != null ? e.getCause() : e))
                    .build();
        }
    }

    private static AdminClient client(KafkaAdmin kafka) {
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-health");
        return AdminClient.create(config);
    }

    @Override
    public synchronized void destroy() {
        asking.shutdownNow();
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}

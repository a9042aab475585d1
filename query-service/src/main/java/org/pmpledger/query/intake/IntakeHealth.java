package org.pmpledger.query.intake;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The intake in {@code /actuator/health}: DOWN while this instance's intake is stuck ({@link IntakeProgress}), so the
 * platform stops sending it reads it would answer ever staler; PARKED (answered 200, between DOWN and UP in the
 * aggregate) while records wait for an operator, with how many and how many streams they hold. The intake's turn to
 * stuck and back is logged, with its reason.
 */
@Component("intake")
class IntakeHealth implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeHealth.class);

    static final Status PARKED = new Status("PARKED", "records wait for an operator: GET /api/v1/admin/parked");

    private final ParkedRecords parked;
    private final IntakeProgress progress;
    private final KafkaListenerEndpointRegistry listeners;
    private final AtomicBoolean stuck = new AtomicBoolean();

    IntakeHealth(ParkedRecords parked, IntakeProgress progress, KafkaListenerEndpointRegistry listeners) {
        this.parked = parked;
        this.progress = progress;
        this.listeners = listeners;
    }

    @Override
    public Health health() {
        IntakeProgress.Verdict verdict = progress.verdict(recordsWait());
        if (stuck.compareAndSet(!verdict.stuck(), verdict.stuck())) {
            if (verdict.stuck()) {
                LOG.warn("the intake is stuck, this instance is not ready: {}", verdict.reason());
            } else {
                LOG.info("the intake moves again: {}", verdict.reason());
            }
        }
        long unresolved = parked.unresolved();
        Health.Builder health = verdict.stuck() ? Health.down() : unresolved == 0 ? Health.up() : Health.status(PARKED);
        return health.withDetail("progress", verdict.reason())
                .withDetail("stuckAfterSeconds", progress.stuckAfter().toSeconds())
                .withDetail("parkedRecords", unresolved)
                .withDetail("heldStreams", unresolved == 0 ? 0 : parked.heldStreams())
                .build();
    }

    /** Whether this instance's consumer saw records it has not yet taken, on the partitions it holds. */
    private boolean recordsWait() {
        MessageListenerContainer container = listeners.getListenerContainer(PlanEventsIntake.LISTENER_ID);
        if (container == null || !container.isRunning()) {
            return false;
        }
        return container.metrics().values().stream()
                .flatMap(metrics -> metrics.entrySet().stream())
                .filter(metric -> isRecordsLagMax(metric.getKey()))
                .map(metric -> ((Metric) metric.getValue()).metricValue())
                .anyMatch(value -> value instanceof Double lag && lag > 0);
    }

    private static boolean isRecordsLagMax(MetricName name) {
        return "records-lag-max".equals(name.name())
                && "consumer-fetch-manager-metrics".equals(name.group())
                && !name.tags().containsKey("partition");
    }
}

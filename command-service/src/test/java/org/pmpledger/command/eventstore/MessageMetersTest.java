package org.pmpledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

/** A component's message counts and handling times, by the names and tags Axon's own monitors give them. */
class MessageMetersTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessageMeters meters = new MessageMeters(
            "commandBus",
            registry,
            m -> List.of(Tag.of("payloadType", m.getPayloadType().getSimpleName())),
            clock);

    @Test
    void aMessageHandledCountsAsIngestedProcessedAndSucceededAndIsTimed() {
        MonitorCallback handling = meters.onMessageIngested(GenericEventMessage.asEventMessage("command"));
        clock.add(Duration.ofMillis(7));
        handling.reportSuccess();

        assertThat(count("commandBus.ingestedCounter", "String")).isEqualTo(1);
        assertThat(count("commandBus.processedCounter", "String")).isEqualTo(1);
        assertThat(count("commandBus.successCounter", "String")).isEqualTo(1);
        assertThat(count("commandBus.failureCounter", "String")).isZero();
        assertThat(registry.get("commandBus.successTimer")
                        .tag("payloadType", "String")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(7);
        assertThat(registry.get("commandBus.allTimer")
                        .tag("payloadType", "String")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aMessageRefusedCountsAsIngestedProcessedAndFailedAndIsTimed() {
        meters.onMessageIngested(GenericEventMessage.asEventMessage(1)).reportFailure(new IllegalStateException("no"));

        assertThat(count("commandBus.ingestedCounter", "Integer")).isEqualTo(1);
        assertThat(count("commandBus.processedCounter", "Integer")).isEqualTo(1);
        assertThat(count("commandBus.failureCounter", "Integer")).isEqualTo(1);
        assertThat(count("commandBus.successCounter", "Integer")).isZero();
        assertThat(registry.get("commandBus.failureTimer").timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").timer().count()).isEqualTo(1);
    }

    @Test
    void aMessageIgnoredCountsAsIngestedAndIgnoredButNotProcessedAndIsTimed() {
        meters.onMessageIngested(GenericEventMessage.asEventMessage(2)).reportIgnored();

        assertThat(count("commandBus.ingestedCounter", "Integer")).isEqualTo(1);
        assertThat(count("commandBus.ignoredCounter", "Integer")).isEqualTo(1);
        assertThat(count("commandBus.processedCounter", "Integer")).isZero();
        assertThat(registry.get("commandBus.ignoredTimer").timer().count()).isEqualTo(1);
    }

    @Test
    void timersPublishAxonsPercentiles() {
        meters.onMessageIngested(GenericEventMessage.asEventMessage("command")).reportSuccess();

        assertThat(registry.get("commandBus.allTimer").timer().takeSnapshot().percentileValues())
                .extracting(p -> p.percentile())
                .containsExactly(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);
    }

    private double count(String name, String payloadType) {
        return registry.get(name).tag("payloadType", payloadType).counter().count();
    }
}

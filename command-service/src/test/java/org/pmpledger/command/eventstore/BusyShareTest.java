package org.pmpledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

/** A component's capacity: the share of the last minute its messages kept it busy. */
class BusyShareTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BusyShare busy = new BusyShare(
            "eventProcessor",
            registry,
            m -> List.of(Tag.of("payloadType", m.getPayloadType().getSimpleName())),
            clock);

    @Test
    void messagesThatTookHalfTheLastMinuteMakeACapacityOfOneHalf() {
        handle("event", Duration.ofSeconds(10));
        handle("event", Duration.ofSeconds(20));

        assertThat(capacity("String")).isEqualTo(0.5);
    }

    @Test
    void aMessageThatEndedMoreThanAMinuteAgoNoLongerCounts() {
        handle("event", Duration.ofSeconds(6));
        clock.add(Duration.ofSeconds(BusyShare.SECONDS));

        handle("event", Duration.ofSeconds(3));

        assertThat(capacity("String")).isEqualTo(0.05);
    }

    @Test
    void eachTagSetHasItsOwnCapacity() {
        handle("event", Duration.ofSeconds(6));
        handle(42, Duration.ofSeconds(12));

        assertThat(capacity("String")).isEqualTo(0.1);
        assertThat(capacity("Integer")).isEqualTo(0.2);
    }

    @Test
    void twoMessagesHandledSideBySideCountTwice() {
        MonitorCallback first = busy.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        MonitorCallback second = busy.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        clock.add(Duration.ofSeconds(45));
        first.reportSuccess();
        second.reportFailure(new IllegalStateException("refused"));

        assertThat(capacity("String")).isEqualTo(1.5);
    }

    private void handle(Object payload, Duration took) {
        Message<?> message = GenericEventMessage.asEventMessage(payload);
        MonitorCallback callback = busy.onMessageIngested(message);
        clock.add(took);
        callback.reportSuccess();
    }

    private double capacity(String payloadType) {
        return registry.get("eventProcessor.capacity")
                .tag("payloadType", payloadType)
                .gauge()
                .value();
    }
}

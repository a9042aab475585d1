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

/** A component's capacity: the share of the last ten minutes its messages kept it busy. */
class BusyShareTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BusyShare busy = new BusyShare(
            "eventProcessor",
            registry,
            m -> List.of(Tag.of("payloadType", m.getPayloadType().getSimpleName())),
            clock);

    @Test
    void theWindowIsAxonsTenMinutes() {
        assertThat(BusyShare.WINDOW).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void messagesThatTookHalfTheWindowMakeACapacityOfOneHalf() {
        handle("event", Duration.ofMinutes(2));
        handle("event", Duration.ofMinutes(3));

        assertThat(capacity("String")).isEqualTo(0.5);
    }

    @Test
    void aMessageThatEndedBeforeTheWindowNoLongerCounts() {
        handle("event", Duration.ofMinutes(1));
        clock.add(BusyShare.WINDOW);

        handle("event", Duration.ofSeconds(30));

        assertThat(capacity("String")).isEqualTo(0.05);
    }

    @Test
    void eachTagSetHasItsOwnCapacity() {
        handle("event", Duration.ofMinutes(1));
        handle(42, Duration.ofMinutes(2));

        assertThat(capacity("String")).isEqualTo(0.1);
        assertThat(capacity("Integer")).isEqualTo(0.2);
    }

    @Test
    void twoMessagesHandledSideBySideCountTwice() {
        MonitorCallback first = busy.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        MonitorCallback second = busy.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        clock.add(Duration.ofMinutes(7).plusSeconds(30));
        first.reportSuccess();
        second.reportFailure(new IllegalStateException("refused"));

        assertThat(capacity("String")).isEqualTo(1.5);
    }

    @Test
    void aMessageThatEndedBeforeTheSlotItsEndFallsInNowHoldsIsLeftOut() {
        BusyShare.Window window = new BusyShare.Window();
        long now = BusyShare.WINDOW.toNanos() + seconds(6);
        window.add(now - seconds(1), now);

        window.add(0, seconds(6));

        assertThat(window.share(now)).isEqualTo((double) seconds(1) / BusyShare.WINDOW.toNanos());
    }

    @Test
    void aClockBeforeItsOriginCountsLikeAnyOther() {
        BusyShare.Window window = new BusyShare.Window();

        window.add(-seconds(2), -seconds(1));

        assertThat(window.share(-seconds(1))).isEqualTo((double) seconds(1) / BusyShare.WINDOW.toNanos());
    }

    private static long seconds(long seconds) {
        return Duration.ofSeconds(seconds).toNanos();
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

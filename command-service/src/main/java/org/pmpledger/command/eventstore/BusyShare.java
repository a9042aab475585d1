package org.pmpledger.command.eventstore;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * How busy a component is: the time its messages took over the last ten minutes, as a share of them (1: one thread
 * busy all the while), one gauge {@code <prefix>.capacity} per tag set, as Axon's {@code CapacityMonitor} reports it.
 * The ten minutes are kept as {@value #SLOTS} sums of {@value #SLOT_SECONDS} seconds each, so the memory is fixed
 * whatever the rate; Axon's keeps every message's duration, which under sustained load outgrows the service's heap.
 */
final class BusyShare implements MessageMonitor<Message<?>> {

    static final int SLOTS = 60;
    static final int SLOT_SECONDS = 10;
    static final Duration WINDOW = Duration.ofSeconds((long) SLOTS * SLOT_SECONDS);
    private static final long SLOT_NANOS = TimeUnit.SECONDS.toNanos(SLOT_SECONDS);

    private final String name;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Clock clock;
    private final Map<Tags, Window> windows = new ConcurrentHashMap<>();

    BusyShare(String prefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags, Clock clock) {
        this.name = prefix + ".capacity";
        this.registry = registry;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Window window = windows.computeIfAbsent(Tags.of(tags.apply(message)), this::registered);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                window.add(start, clock.monotonicTime());
            }

            @Override
            public void reportFailure(Throwable cause) {
                window.add(start, clock.monotonicTime());
            }

            @Override
            public void reportIgnored() {
                window.add(start, clock.monotonicTime());
            }
        };
    }

    private Window registered(Tags meterTags) {
        Window window = new Window();
        Gauge.builder(name, window, w -> w.share(clock.monotonicTime()))
                .tags(meterTags)
                .register(registry);
        return window;
    }

    /** The busy nanoseconds of each of the last {@value #SLOTS} slots, by the slot in which a message ended. */
    static final class Window {

        private final long[] busy = new long[SLOTS];
        private final long[] slotOf = new long[SLOTS];

        Window() {
            Arrays.fill(slotOf, Long.MIN_VALUE); // no slot yet: the clock's nanoseconds may be negative
        }

        synchronized void add(long startNanos, long endNanos) {
            long at = Math.floorDiv(endNanos, SLOT_NANOS);
            int index = (int) Math.floorMod(at, (long) SLOTS);
            if (slotOf[index] > at) {
                return; // ended before the window this slot now holds
            }
            if (slotOf[index] != at) {
                slotOf[index] = at;
                busy[index] = 0;
            }
            busy[index] += endNanos - startNanos;
        }

        synchronized double share(long nowNanos) {
            long now = Math.floorDiv(nowNanos, SLOT_NANOS);
            long total = 0;
            for (int index = 0; index < SLOTS; index++) {
                if (slotOf[index] > now - SLOTS && slotOf[index] <= now) {
                    total += busy[index];
                }
            }
            return (double) total / WINDOW.toNanos();
        }
    }
}

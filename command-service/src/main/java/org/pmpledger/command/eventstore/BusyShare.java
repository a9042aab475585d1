package org.pmpledger.command.eventstore;

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
 * How busy a component is: the time its messages took over the last minute, as a share of the minute (1: one thread
 * busy all of it), one gauge {@code <prefix>.capacity} per tag set, as Axon's {@code CapacityMonitor} reports it. The
 * minute is kept as {@value #SECONDS} sums of a second each, so the memory is fixed whatever the rate; Axon's keeps
 * every message's duration for ten minutes, which under sustained load outgrows the service's heap.
 */
final class BusyShare implements MessageMonitor<Message<?>> {

    static final int SECONDS = 60;
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Clock clock;
    private final Map<Tags, Minute> minutes = new ConcurrentHashMap<>();

    BusyShare(String prefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags, Clock clock) {
        this.name = prefix + ".capacity";
        this.registry = registry;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Minute minute = minutes.computeIfAbsent(Tags.of(tags.apply(message)), this::registered);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                minute.add(start, clock.monotonicTime());
            }

            @Override
            public void reportFailure(Throwable cause) {
                minute.add(start, clock.monotonicTime());
            }

            @Override
            public void reportIgnored() {
                minute.add(start, clock.monotonicTime());
            }
        };
    }

    private Minute registered(Tags meterTags) {
        Minute minute = new Minute();
        Gauge.builder(name, minute, m -> m.share(clock.monotonicTime()))
                .tags(meterTags)
                .register(registry);
        return minute;
    }

    /** The busy nanoseconds of each of the last {@value #SECONDS} seconds, by the second in which a message ended. */
    static final class Minute {

        private final long[] busy = new long[SECONDS];
        private final long[] second = new long[SECONDS];

        synchronized void add(long startNanos, long endNanos) {
            long at = endNanos / SECOND_NANOS;
            int slot = (int) Math.floorMod(at, (long) SECONDS);
            if (second[slot] != at) {
                second[slot] = at;
                busy[slot] = 0;
            }
            busy[slot] += endNanos - startNanos;
        }

        synchronized double share(long nowNanos) {
            long now = nowNanos / SECOND_NANOS;
            long total = 0;
            for (int slot = 0; slot < SECONDS; slot++) {
                if (second[slot] > now - SECONDS && second[slot] <= now) {
                    total += busy[slot];
                }
            }
            return (double) total / (SECONDS * SECOND_NANOS);
        }
    }
}

package org.pmpledger.command.eventstore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The counters and timers Axon's {@code MessageCountingMonitor} and {@code MessageTimerMonitor} keep for a component
 * ({@code <prefix>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter}, {@code .processedCounter},
 * {@code .ignoredCounter}; {@code <prefix>.allTimer}, {@code .successTimer}, {@code .failureTimer},
 * {@code .ignoredTimer} with the same percentiles and expiry), the same meters by name and tags, each tag set's meters
 * looked up once: Axon's look all nine up in the registry for every message.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final Duration EXPIRY = Duration.ofMinutes(10);

    private final String prefix;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Clock clock;
    private final Map<Tags, Meters> meters = new ConcurrentHashMap<>();

    MessageMeters(String prefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags, Clock clock) {
        this.prefix = prefix;
        this.registry = registry;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters of = meters.computeIfAbsent(Tags.of(tags.apply(message)), this::registered);
        of.ingested().increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                of.processed().increment();
                of.success().increment();
                took(of.successTimer());
            }

            @Override
            public void reportFailure(Throwable cause) {
                of.processed().increment();
                of.failure().increment();
                took(of.failureTimer());
            }

            @Override
            public void reportIgnored() {
                of.ignored().increment();
                took(of.ignoredTimer());
            }

            private void took(Timer outcome) {
                long nanos = clock.monotonicTime() - start;
                of.allTimer().record(nanos, TimeUnit.NANOSECONDS);
                outcome.record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    private record Meters(
            Counter ingested,
            Counter success,
            Counter failure,
            Counter processed,
            Counter ignored,
            Timer allTimer,
            Timer successTimer,
            Timer failureTimer,
            Timer ignoredTimer) {}

    private Meters registered(Tags meterTags) {
        return new Meters(
                counter("ingestedCounter", meterTags),
                counter("successCounter", meterTags),
                counter("failureCounter", meterTags),
                counter("processedCounter", meterTags),
                counter("ignoredCounter", meterTags),
                timer("allTimer", meterTags),
                timer("successTimer", meterTags),
                timer("failureTimer", meterTags),
                timer("ignoredTimer", meterTags));
    }

    private Counter counter(String name, Tags meterTags) {
        return Counter.builder(prefix + "." + name).tags(meterTags).register(registry);
    }

    private Timer timer(String name, Tags meterTags) {
        return Timer.builder(prefix + "." + name)
                .distributionStatisticExpiry(EXPIRY)
                .publishPercentiles(PERCENTILES)
                .tags(meterTags)
                .register(registry);
    }
}

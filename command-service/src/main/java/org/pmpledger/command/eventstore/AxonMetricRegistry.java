package org.pmpledger.command.eventstore;

import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's meters as its own registry makes them, by the same names and tags: counts and timers ({@link MessageMeters},
 * each tag set's meters looked up once), the event processors' latency (Axon's), and each component's capacity kept
 * in fixed memory ({@link BusyShare}) instead of by Axon's ten-minute reservoir of every message.
 */
final class AxonMetricRegistry extends GlobalMetricRegistry {

    AxonMetricRegistry(MeterRegistry meters) {
        super(meters);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlerMonitor(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlerMonitor(name, tags);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(
                messageMeters(name, tags),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(name)
                        .meterRegistry(getRegistry())
                        .tagsBuilder(latencyTags)
                        .build(),
                busyShare(name, tags)));
    }

    private MessageMonitor<Message<?>> handlerMonitor(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(List.of(messageMeters(name, tags), busyShare(name, tags)));
    }

    private MessageMeters messageMeters(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MessageMeters(
                name, getRegistry(), tags, getRegistry().config().clock());
    }

    private BusyShare busyShare(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new BusyShare(name, getRegistry(), tags, getRegistry().config().clock());
    }
}

package org.pmpledger.command.publication;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher's tracking processor: one thread, one segment, up to 100 events a batch. Every commit of this instance
 * wakes it ({@code CommitWokenEventStore}); events committed by another instance it finds after one wait of 100 ms, the
 * longest it waits before it reads again (Axon's default of 1 s would be their lag).
 * <p>A batch that fails (the broker away) is published again after at most {@value #MOST_PAUSE_MS} ms: Axon doubles
 * its pause after each failure up to a minute, so the end of a long outage would wait that long.
 */
@Configuration(proxyBeanMethods = false)
class PublisherProcessor {

    static final int BATCH_SIZE = 100;
    static final long EVENT_AVAILABILITY_TIMEOUT_MS = 100;
    /** How often an instance without the token asks for it: once the claim of a dead instance lapses, within a second. */
    static final long TOKEN_CLAIM_INTERVAL_MS = 1000;
    /** The longest the processor pauses, after a failed batch or before asking for the token again. */
    static final long MOST_PAUSE_MS = 1000;

    @Bean
    ConfigurerModule kafkaPublisherProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerEventProcessor(KafkaPublication.PROCESSING_GROUP, (name, config, handlers) -> {
                    EventProcessingConfiguration processors = config.eventProcessingConfiguration();
                    return new Publisher(TrackingEventProcessor.builder()
                            .name(name)
                            .eventHandlerInvoker(handlers)
                            .rollbackConfiguration(processors.rollbackConfiguration(name))
                            .errorHandler(processors.errorHandler(name))
                            .messageMonitor(processors.messageMonitor(TrackingEventProcessor.class, name))
                            .spanFactory(config.getComponent(EventProcessorSpanFactory.class))
                            .messageSource(config.eventStore())
                            .tokenStore(processors.tokenStore(name))
                            .transactionManager(processors.transactionManager(name))
                            .trackingEventProcessorConfiguration(
                                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                            .andInitialSegmentsCount(1)
                                            .andBatchSize(BATCH_SIZE)
                                            .andEventAvailabilityTimeout(
                                                    EVENT_AVAILABILITY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                                            .andTokenClaimInterval(TOKEN_CLAIM_INTERVAL_MS, TimeUnit.MILLISECONDS)));
                })
                // a send that fails fails its whole batch, which is published again: Axon's default handler would log
                // the failure and let the token move past an event the topic never received
                .registerListenerInvocationErrorHandler(
                        KafkaPublication.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }

    /** The tracking processor whose pauses never exceed {@link #MOST_PAUSE_MS}. */
    static final class Publisher extends TrackingEventProcessor {

        Publisher(Builder builder) {
            super(builder);
        }

        @Override
        protected void doSleepFor(long millis) {
            super.doSleepFor(Math.min(millis, MOST_PAUSE_MS));
        }

        /** The pause of the launcher that (re)claims the segment after its worker failed: capped the same. */
        @Override
        protected void doSleepFor(long millis, AtomicBoolean wakeUp) {
            super.doSleepFor(Math.min(millis, MOST_PAUSE_MS), wakeUp);
        }
    }
}

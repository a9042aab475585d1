package org.pmpledger.command.eventstore;

import java.util.List;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.ObjectNode;

import org.pmpledger.events.upcasting.EventUpcasts;

/**
 * Axon's upcaster chain over the contract's own revision steps ({@link EventUpcasts}), so events
 * stored at an older revision load as today's records, in aggregates and in the Kafka publisher alike.
 */
@Configuration(proxyBeanMethods = false)
class ContractUpcasters {

    @Bean
    EventUpcaster contractUpcasterChain() {
        List<EventUpcaster> steps = EventUpcasts.steps().stream()
                .<EventUpcaster>map(ContractStep::new)
                .toList();
        return events -> {
            var upcast = events;
            for (EventUpcaster step : steps) {
                upcast = step.upcast(upcast);
            }
            return upcast;
        };
    }

    /** One revision step of one event type, on its JSON. */
    static final class ContractStep extends SingleEventUpcaster {

        private final EventUpcasts.Step step;
        private final SimpleSerializedType from;
        private final SimpleSerializedType to;

        ContractStep(EventUpcasts.Step step) {
            this.step = step;
            this.from = new SimpleSerializedType(step.eventType().getName(), String.valueOf(step.fromRevision()));
            this.to = new SimpleSerializedType(step.eventType().getName(), String.valueOf(step.fromRevision() + 1));
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, ObjectNode.class, step.upcast());
        }
    }
}

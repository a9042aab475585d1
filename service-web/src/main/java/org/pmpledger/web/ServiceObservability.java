package org.pmpledger.web;

import java.time.Duration;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What both services add for operators: the broker in health ({@link BrokerHealth}) and the trace context carried where
 * no instrumentation does ({@link TraceParents}), named on every answer ({@link TraceResponse}).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceObservability {

    /** Inside the server observation (Boot orders it first but one), outside security: refusals name their trace too. */
    static final int TRACE_RESPONSE_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    /** Without Kafka's configuration (a web-slice test) the broker stays UNKNOWN. */
    @Bean("broker")
    BrokerHealth brokerHealth(
            ObjectProvider<KafkaAdmin> kafka, @Value("${pmp.broker.health-interval:PT5S}") Duration interval) {
        return new BrokerHealth(kafka::getIfAvailable).every(interval);
    }

    /** Without tracing (a web-slice test) no trace context is carried. */
    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceParents(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    FilterRegistrationBean<TraceResponse> traceResponse(TraceParents traces) {
        FilterRegistrationBean<TraceResponse> registration = new FilterRegistrationBean<>(new TraceResponse(traces));
        registration.setOrder(TRACE_RESPONSE_ORDER);
        return registration;
    }
}

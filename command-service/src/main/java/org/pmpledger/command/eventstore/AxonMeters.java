package org.pmpledger.command.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's own meters (command bus, event processors) in the service's meter registry, dimensional: one meter per
 * measure, tagged by message type or processor. Axon's auto-configuration is left out (application.yml): under Boot 4
 * it adds a registry of its own beside Prometheus's, and every meter would be recorded twice. Each component's capacity
 * is kept in fixed memory ({@link AxonMetricRegistry}).
 */
@Configuration(proxyBeanMethods = false)
class AxonMeters {

    @Bean
    GlobalMetricRegistry axonMetricRegistry(MeterRegistry meters) {
        return new AxonMetricRegistry(meters);
    }

    @Bean
    MetricsConfigurerModule axonMetrics(GlobalMetricRegistry registry) {
        return new MetricsConfigurerModule(registry, true);
    }
}

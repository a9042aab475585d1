package org.pmpledger.query.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

import org.pmpledger.events.json.EventTimes;

/** The service's mapper reads events' instants and dates in their written form without a formatter. */
@Configuration(proxyBeanMethods = false)
class EventJson {

    @Bean
    JacksonModule eventTimes() {
        return EventTimes.module();
    }
}

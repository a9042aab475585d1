package org.pmpledger.query.freshness;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "As of now" for reports (missing, overdue): California's date by an injectable clock. */
@Configuration(proxyBeanMethods = false)
public class Today {

    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static LocalDate in(Clock clock) {
        return LocalDate.now(clock.withZone(CALIFORNIA));
    }
}

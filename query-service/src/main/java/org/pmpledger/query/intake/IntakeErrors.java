package org.pmpledger.query.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A batch that fails (database down, say) is retried, never skipped: skipping would leave a hole in
 * the projections. Its transaction rolled back and its offsets were not committed.
 */
@Configuration(proxyBeanMethods = false)
class IntakeErrors {

    @Bean
    DefaultErrorHandler retryBatchUntilApplied() {
        return new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS));
    }
}

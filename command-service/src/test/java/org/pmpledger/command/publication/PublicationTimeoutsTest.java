package org.pmpledger.command.publication;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The publisher's batch ends within its token's claim, or the service does not start. */
class PublicationTimeoutsTest {

    @Test
    void theShippedTimeoutsKeepABatchWithinTheClaim() {
        assertThatCode(() -> PublicationTimeouts.requireOrdered(
                        Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(8)))
                .doesNotThrowAnyException();
    }

    @Test
    void aBatchThatCouldOutlastTheClaimIsAConfigurationThatDoesNotStart() {
        assertThatThrownBy(() -> PublicationTimeouts.requireOrdered(
                        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("axon.eventhandling.tokenstore.claim-timeout");
    }
}

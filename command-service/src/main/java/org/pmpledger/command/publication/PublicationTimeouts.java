package org.pmpledger.command.publication;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The order of the publisher's timeouts, checked when the service starts: a batch (its sends, each of which may block
 * for the producer's {@code max.block.ms}, and their acknowledgement) ends well within the claim its instance holds on
 * the publisher's token. So no other instance takes the token over while a batch is under way, and each batch is
 * published by one instance. A configuration that breaks the order does not start.
 */
@Component
class PublicationTimeouts {

    /** What the token store's own writes and a garbage-collection pause may take on top of a batch. */
    static final Duration MARGIN = Duration.ofSeconds(2);

    PublicationTimeouts(
            PublicationSettings settings,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
            @Value("${spring.kafka.producer.properties.max.block.ms:60000}") long maxBlockMillis) {
        requireOrdered(settings.acknowledgementTimeout(), Duration.ofMillis(maxBlockMillis), claimTimeout);
    }

    static void requireOrdered(Duration acknowledgement, Duration maxBlock, Duration claim) {
        Duration batch = acknowledgement.plus(maxBlock).plus(MARGIN);
        if (claim.compareTo(batch) <= 0) {
            throw new IllegalStateException("axon.eventhandling.tokenstore.claim-timeout (" + claim
                    + ") must exceed pmp.publication.acknowledgement-timeout (" + acknowledgement
                    + ") + the producer's max.block.ms (" + maxBlock + ") + " + MARGIN
                    + ": otherwise another instance can take the publisher's token over during a batch");
        }
    }
}

package org.pmpledger.query.intake;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The intake in {@code /actuator/health}: PARKED (answered 200, between DOWN and UP in the aggregate) while records
 * wait for an operator, with how many and how many streams they hold.
 */
@Component("intake")
class IntakeHealth implements HealthIndicator {

    static final Status PARKED = new Status("PARKED", "records wait for an operator: GET /api/v1/admin/parked");

    private final ParkedRecords parked;

    IntakeHealth(ParkedRecords parked) {
        this.parked = parked;
    }

    @Override
    public Health health() {
        long unresolved = parked.unresolved();
        Health.Builder health = unresolved == 0 ? Health.up() : Health.status(PARKED);
        return health.withDetail("parkedRecords", unresolved)
                .withDetail("heldStreams", unresolved == 0 ? 0 : parked.heldStreams())
                .build();
    }
}

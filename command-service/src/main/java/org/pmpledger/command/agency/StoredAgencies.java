package org.pmpledger.command.agency;

import static org.pmpledger.command.jooq.Tables.AGENCY;

import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Agencies from the {@code agency} table (seeded by migration from the public reference data). */
@Component
class StoredAgencies implements Agencies {

    private final DSLContext db;

    StoredAgencies(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<String> regionOf(String lcsa) {
        return db.select(AGENCY.REGION).from(AGENCY).where(AGENCY.CODE.eq(lcsa)).fetchOptional(AGENCY.REGION);
    }
}

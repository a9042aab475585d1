package org.pmpledger.query.rebuild;

import static org.pmpledger.query.jooq.DefaultSchema.DEFAULT_SCHEMA;
import static org.pmpledger.query.jooq.Tables.AGENCY;
import static org.pmpledger.query.jooq.Tables.PARKED_RECORD;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.pmpledger.query.intake.ParkedRecords;

/**
 * A rebuild's shadow schema: empty copies of every read-model table, filled by the rebuild, then put in the live
 * tables' place in one transaction.
 */
@Component
class ShadowSchema {

    private final DSLContext db;
    private final TransactionTemplate transaction;

    ShadowSchema(DSLContext db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /**
     * Empty copies of every read-model table (constraints and indexes included), the reference data, and the parked
     * records an operator released.
     */
    void create(String schema) {
        transaction.executeWithoutResult(tx -> {
            db.createSchema(DSL.name(schema)).execute();
            for (Table<?> table : DEFAULT_SCHEMA.getTables()) {
                db.execute("CREATE TABLE {0} (LIKE {1} INCLUDING ALL)", DSL.name(schema, table.getName()), table);
            }
            db.insertInto(DSL.table(DSL.name(schema, AGENCY.getName())))
                    .select(db.selectFrom(AGENCY))
                    .execute();
            // an operator's release holds across rebuilds: the rebuild gives up on the same records
            var released = List.of(
                    PARKED_RECORD.TOPIC,
                    PARKED_RECORD.KAFKA_PARTITION,
                    PARKED_RECORD.KAFKA_OFFSET,
                    PARKED_RECORD.STREAM_ID,
                    PARKED_RECORD.EVENT_TYPE,
                    PARKED_RECORD.SEQUENCE,
                    PARKED_RECORD.POSITION,
                    PARKED_RECORD.REASON,
                    PARKED_RECORD.HEADERS,
                    PARKED_RECORD.PAYLOAD,
                    PARKED_RECORD.PARKED_AT,
                    PARKED_RECORD.RESOLUTION,
                    PARKED_RECORD.RESOLVED_AT);
            db.insertInto(DSL.table(DSL.name(schema, PARKED_RECORD.getName())), released)
                    .select(db.select(released)
                            .from(PARKED_RECORD)
                            .where(PARKED_RECORD.RESOLUTION.eq(ParkedRecords.Resolution.RELEASED.name())))
                    .execute();
        });
    }

    /** The shadow tables take the live tables' place in one transaction; the old ones are dropped. */
    void replaceLive(String schema) {
        String retired = schema + "_retired";
        transaction.executeWithoutResult(tx -> {
            // taking every live table waits for the reads under way: longer than a request's lock wait
            db.execute("SET LOCAL lock_timeout = '60s'");
            db.execute("SET LOCAL statement_timeout = '90s'");
            db.createSchema(DSL.name(retired)).execute();
            for (Table<?> table : DEFAULT_SCHEMA.getTables()) {
                db.execute("ALTER TABLE {0} SET SCHEMA {1}", DSL.name("public", table.getName()), DSL.name(retired));
                db.execute("ALTER TABLE {0} SET SCHEMA {1}", DSL.name(schema, table.getName()), DSL.name("public"));
            }
            db.dropSchema(DSL.name(schema)).cascade().execute();
            db.dropSchema(DSL.name(retired)).cascade().execute();
        });
    }
}

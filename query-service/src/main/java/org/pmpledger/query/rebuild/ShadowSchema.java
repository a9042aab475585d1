package org.pmpledger.query.rebuild;

import static org.pmpledger.query.jooq.DefaultSchema.DEFAULT_SCHEMA;
import static org.pmpledger.query.jooq.Tables.AGENCY;
import static org.pmpledger.query.jooq.Tables.CALENDAR_FEED;
import static org.pmpledger.query.jooq.Tables.PARKED_RECORD;
import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.pmpledger.query.intake.IntakeFence;
import org.pmpledger.query.intake.ParkedRecords;

/**
 * A rebuild's shadow schema: empty copies of every read-model table, filled by the rebuild, then put in the live
 * tables' place in one transaction.
 */
@Component
class ShadowSchema {

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final IntakeFence fence;
    private final String topic;

    ShadowSchema(
            DSLContext db,
            TransactionTemplate transaction,
            IntakeFence fence,
            @Value("${pmp.intake.topic}") String topic) {
        this.db = db;
        this.transaction = transaction;
        this.fence = fence;
        this.topic = topic;
    }

    /** Every table of the schema but the calendar feeds, which no event makes: a rebuild leaves them as they are. */
    private static List<Table<?>> readModels() {
        return DEFAULT_SCHEMA.getTables().stream()
                .filter(table -> !table.equals(CALENDAR_FEED))
                .toList();
    }

    /**
     * Empty copies of every read-model table (constraints and indexes included), the reference data, and the parked
     * records an operator released.
     */
    void create(String schema) {
        transaction.executeWithoutResult(tx -> {
            db.createSchema(DSL.name(schema)).execute();
            for (Table<?> table : readModels()) {
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

    /**
     * Whether the shadow tables have applied every partition of the topic as far as the live tables have (offsets are
     * the topic's, whichever consumer group read them). Checkpoints of other topics (one the service read before) are
     * not the rebuild's to reach.
     */
    boolean caughtUpWithLive(String schema) {
        Table<?> rebuilt =
                DSL.table(DSL.name(schema, PARTITION_CHECKPOINT.getName())).as("rebuilt");
        Field<String> rebuiltTopic = DSL.field(DSL.name("rebuilt", "topic"), String.class);
        Field<Integer> rebuiltPartition = DSL.field(DSL.name("rebuilt", "kafka_partition"), Integer.class);
        Field<Long> rebuiltOffset = DSL.field(DSL.name("rebuilt", "next_offset"), Long.class);
        return !db.fetchExists(db.selectOne()
                .from(PARTITION_CHECKPOINT)
                .leftJoin(rebuilt)
                .on(
                        rebuiltTopic.eq(PARTITION_CHECKPOINT.TOPIC),
                        rebuiltPartition.eq(PARTITION_CHECKPOINT.KAFKA_PARTITION))
                .where(PARTITION_CHECKPOINT.TOPIC.eq(topic))
                .and(rebuiltOffset.isNull().or(rebuiltOffset.lt(PARTITION_CHECKPOINT.NEXT_OFFSET))));
    }

    /**
     * The shadow tables take the live tables' place in one transaction that holds the {@link IntakeFence} exclusively;
     * {@code beforeSwap} runs in it first, while no instance's intake writes the live tables. The old tables are
     * dropped.
     */
    void replaceLive(String schema, Runnable beforeSwap) {
        String retired = schema + "_retired";
        transaction.executeWithoutResult(tx -> {
            // the fence waits for the intakes' batches under way, the tables for the reads: longer than a request's
            db.execute("SET LOCAL lock_timeout = '60s'");
            db.execute("SET LOCAL statement_timeout = '90s'");
            fence.enterExclusive();
            beforeSwap.run();
            db.createSchema(DSL.name(retired)).execute();
            for (Table<?> table : readModels()) {
                db.execute("ALTER TABLE {0} SET SCHEMA {1}", DSL.name("public", table.getName()), DSL.name(retired));
                db.execute("ALTER TABLE {0} SET SCHEMA {1}", DSL.name(schema, table.getName()), DSL.name("public"));
            }
            db.dropSchema(DSL.name(schema)).cascade().execute();
            db.dropSchema(DSL.name(retired)).cascade().execute();
        });
    }
}

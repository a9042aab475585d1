package org.pmpledger.query.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.query.intake.IntakeBatch.Mode;
import org.pmpledger.query.intake.IntakeBatch.Outcome;
import org.pmpledger.query.jooq.tables.records.ParkedRecordRecord;

/**
 * Applies each poll's batch of events in one database transaction that also stores the checkpoints: per stream the
 * last applied sequence (re-deliveries at or below it are skipped), per partition the next offset and last position.
 * The listener returns, and Kafka offsets are committed, only after that commit: exactly-once in effect under
 * re-delivery and restarts. A batch that fails for a reason that passes (the database unreachable) is retried as it
 * is; one that fails for any other reason is applied again record by record, and what cannot be applied is parked
 * ({@link IntakeBatch}), so one record never stops the others.
 */
@Component
public class PlanEventsIntake {

    private static final Logger LOG = LoggerFactory.getLogger(PlanEventsIntake.class);

    /** The listener of the live projections; a rebuild runs a second one (see {@code Rebuild}). */
    public static final String LISTENER_ID = "plan-projections";

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final JsonMapper json;
    private final List<Projection> projections;
    private final ParkedRecords parked;
    private final AppliedPositions applied;
    private final Clock clock;
    private final IntakeFence fence;
    private final IntakeProgress progress;
    private final AppliedTrail trail;
    /** An apply span's start is the wall clock's, whatever the business clock says. */
    private final Clock wall = Clock.systemUTC();

    PlanEventsIntake(
            DSLContext db,
            PlatformTransactionManager transactions,
            JsonMapper json,
            List<Projection> projections,
            ParkedRecords parked,
            AppliedPositions applied,
            IntakeFence fence,
            IntakeProgress progress,
            AppliedTrail trail,
            Clock clock) {
        this.db = db;
        this.trail = trail;
        this.fence = fence;
        this.progress = progress;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.json = json;
        this.projections = projections;
        this.parked = parked;
        this.applied = applied;
        this.clock = clock;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${pmp.intake.topic}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        progress.batchStarted();
        try {
            applyBatch(records, null);
        } catch (RuntimeException failed) {
            progress.batchFailed();
            throw failed;
        }
        progress.batchEnded();
        applied.advanced();
    }

    /** The live tables were replaced by rebuilt ones: what reads saw of the checkpoints must be read again. */
    public void tablesReplaced() {
        applied.advanced();
    }

    /**
     * Applies one poll in one transaction: into the live tables, or (a rebuild) into the same tables of
     * {@code schema}, chosen by the transaction's search_path.
     */
    public void applyBatch(List<ConsumerRecord<String, byte[]>> records, String schema) {
        Instant started = wall.instant();
        IntakeBatch batch = batch(Mode.TOGETHER);
        try {
            inTransaction(schema, () -> batch.apply(records));
        } catch (RuntimeException failed) {
            if (IntakeFailures.passes(failed)) {
                throw failed; // retried as it is (IntakeErrors)
            }
            LOG.warn(
                    "a batch of {} records failed ({}); applying them one by one, parking what cannot be applied",
                    records.size(),
                    IntakeFailures.reasonOf(failed));
            IntakeBatch oneByOne = batch(Mode.ONE_BY_ONE);
            inTransaction(schema, () -> oneByOne.apply(records));
            trailOf(oneByOne, schema, started);
            return;
        }
        trailOf(batch, schema, started);
    }

    /** The live intake's applied records join their requests' traces; a rebuild's replay does not. */
    private void trailOf(IntakeBatch batch, String schema, Instant started) {
        if (schema == null) {
            trail.applied(batch.applied(), started);
        }
    }

    /**
     * The parked records of {@code streamId} again, in the stream's order; {@code releasedId} (if any) given up on.
     * Each one applied or skipped is resolved; the first that still cannot be applied keeps its place with its new
     * reason, and the ones after it stay parked behind it.
     *
     * @return how many were resolved, and how many wait still
     */
    public ParkedOutcome applyParkedAgain(String streamId, Long releasedId) {
        if (fence.rebuildRuns()) {
            throw new RebuildUnderWay();
        }
        ParkedOutcome counts = transaction.execute(tx -> {
            fence.enterShared();
            List<ParkedRecordRecord> waiting = parked.unresolvedOf(streamId);
            Map<ConsumerRecord<String, byte[]>, ParkedRecordRecord> rows = new LinkedHashMap<>();
            ConsumerRecord<String, byte[]> releasing = null;
            for (ParkedRecordRecord row : waiting) {
                ConsumerRecord<String, byte[]> record = parked.asDelivered(row);
                rows.put(record, row);
                if (releasedId != null && releasedId.equals(row.getParkedId())) {
                    releasing = record;
                }
            }
            Map<ConsumerRecord<String, byte[]>, Outcome> outcomes =
                    batch(Mode.ONE_BY_ONE).applyAgain(streamId, List.copyOf(rows.keySet()), releasing);
            long resolved = 0;
            for (Map.Entry<ConsumerRecord<String, byte[]>, Outcome> outcome : outcomes.entrySet()) {
                if (outcome.getValue() != Outcome.PARKED) {
                    ParkedRecords.Resolution resolution = outcome.getKey() == releasing
                            ? ParkedRecords.Resolution.RELEASED
                            : outcome.getValue() == Outcome.APPLIED
                                    ? ParkedRecords.Resolution.APPLIED
                                    : ParkedRecords.Resolution.PASSED;
                    parked.resolve(rows.get(outcome.getKey()).getParkedId(), resolution);
                    resolved++;
                }
            }
            return new ParkedOutcome(resolved, (long) waiting.size() - resolved);
        });
        applied.advanced();
        return counts;
    }

    /** A retry or release asked while a rebuild runs (on any instance): what is done to it would miss its new tables. */
    static final class RebuildUnderWay extends RuntimeException {
        RebuildUnderWay() {
            super("a rebuild runs: retry or release once it is done", null, false, false);
        }
    }

    private IntakeBatch batch(Mode mode) {
        return new IntakeBatch(db, json, projections, parked, savepoint, clock, mode);
    }

    private void inTransaction(String schema, Runnable work) {
        transaction.executeWithoutResult(tx -> {
            if (schema != null) {
                db.execute("SET LOCAL search_path TO {0}", DSL.name(schema));
            } else {
                fence.enterShared();
            }
            work.run();
        });
    }
}

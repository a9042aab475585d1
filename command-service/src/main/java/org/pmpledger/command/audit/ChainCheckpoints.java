package org.pmpledger.command.audit;

import static org.pmpledger.command.jooq.Tables.CHAIN_CHECKPOINT;
import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.pmpledger.command.jooq.tables.records.ChainCheckpointRecord;

/**
 * Chain heads over all streams, recorded now and then so they can be published outside the system
 * (an auditor who kept one can later prove nothing before it was rewritten). The head is SHA-256 over
 * one line per stream, in ascending byte order of the (ASCII) stream ids: {@code <stream id>:<hex
 * event_hash of its last event at or below through_global_index>\n}.
 */
@Component
public class ChainCheckpoints {

    /** The advisory lock under which a checkpoint is recorded. */
    static final long CHECKPOINTS_LOCK = 0x504d505f43484b50L;

    private final DSLContext db;
    private final Clock clock;

    ChainCheckpoints(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Schedule {}

    /**
     * Records a checkpoint every {@code pmp.audit.checkpoint-interval} (default 10 minutes) when events were added:
     * once across the command instances, which all ask (the first takes the checkpoints' lock and records, the others
     * then find nothing new).
     */
    @Scheduled(
            fixedDelayString = "${pmp.audit.checkpoint-interval:PT10M}",
            initialDelayString = "${pmp.audit.checkpoint-interval:PT10M}")
    @Transactional
    public void recordIfNew() {
        lockCheckpoints();
        Long through = db.select(DSL.max(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX))
                .from(DOMAIN_EVENT_ENTRY)
                .fetchOne(0, Long.class);
        Long last = db.select(DSL.max(CHAIN_CHECKPOINT.THROUGH_GLOBAL_INDEX))
                .from(CHAIN_CHECKPOINT)
                .fetchOne(0, Long.class);
        if (through != null && (last == null || through > last)) {
            record();
        }
    }

    /**
     * A checkpoint through the highest position stored now: events commit in position order (migration V6), so no event
     * at or below it can be committed later, and the checkpoint covers every event it will ever cover.
     */
    @Transactional
    public ChainCheckpointRecord record() {
        lockCheckpoints();
        long through = db.select(DSL.coalesce(DSL.max(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX), 0L))
                .from(DOMAIN_EVENT_ENTRY)
                .fetchOne(0, Long.class);
        String heads = heads(through);
        MessageDigest sha256 = sha256();
        sha256.update(heads.getBytes(StandardCharsets.UTF_8));
        long streams = heads.chars().filter(c -> c == '\n').count();
        ChainCheckpointRecord checkpoint = db.newRecord(CHAIN_CHECKPOINT);
        checkpoint.setThroughGlobalIndex(through);
        checkpoint.setStreams(streams);
        checkpoint.setHeadHash(HexFormat.of().formatHex(sha256.digest()));
        checkpoint.setRecordedAt(OffsetDateTime.now(clock));
        checkpoint.store();
        return checkpoint;
    }

    /** Checkpoints are recorded one at a time across the instances, until the transaction ends. */
    private void lockCheckpoints() {
        db.execute("SELECT pg_advisory_xact_lock({0})", CHECKPOINTS_LOCK);
    }

    /**
     * The text a checkpoint's head hash is taken over, recomputed from the stored events: one line per stream
     * {@code <stream id>:<hex hash of its last event at or below through>\n}, ids in ascending byte order.
     */
    public String heads(long through) {
        var heads = db.select(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER, DOMAIN_EVENT_ENTRY.EVENT_HASH)
                .distinctOn(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER)
                .from(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX.le(through))
                .orderBy(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER, DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.desc())
                .fetch();
        // ordered by the ids' UTF-16 code units (all ids are ASCII: byte order), never by the database's collation
        heads.sort(Comparator.comparing(head -> head.value1()));
        StringBuilder lines = new StringBuilder();
        heads.forEach(head -> lines.append(head.value1())
                .append(':')
                .append(ChainVerification.hex(head.value2()))
                .append('\n'));
        return lines.toString();
    }

    /**
     * The latest checkpoint against the events stored now: its head hash recomputed. A mismatch means an event at or
     * below its position was changed or removed since, even one re-hashed together with everything after it in its
     * stream. Empty when no checkpoint was recorded.
     */
    public Optional<ChainVerification.CheckpointCheck> checkLatest() {
        return db.selectFrom(CHAIN_CHECKPOINT)
                .orderBy(CHAIN_CHECKPOINT.CHECKPOINT_ID.desc())
                .limit(1)
                .fetchOptional()
                .map(latest -> {
                    String recomputed = HexFormat.of()
                            .formatHex(sha256().digest(heads(latest.getThroughGlobalIndex())
                                    .getBytes(StandardCharsets.UTF_8)));
                    return new ChainVerification.CheckpointCheck(
                            latest.getCheckpointId(),
                            latest.getThroughGlobalIndex(),
                            recomputed.equals(latest.getHeadHash()),
                            latest.getHeadHash(),
                            recomputed);
                });
    }

    /** The position a recorded checkpoint covers; empty for an unknown checkpoint. */
    public Optional<Long> through(long checkpointId) {
        return db.select(CHAIN_CHECKPOINT.THROUGH_GLOBAL_INDEX)
                .from(CHAIN_CHECKPOINT)
                .where(CHAIN_CHECKPOINT.CHECKPOINT_ID.eq(checkpointId))
                .fetchOptional(CHAIN_CHECKPOINT.THROUGH_GLOBAL_INDEX);
    }

    List<AuditAnswers.Checkpoint> latest(int limit) {
        return db.selectFrom(CHAIN_CHECKPOINT)
                .orderBy(CHAIN_CHECKPOINT.CHECKPOINT_ID.desc())
                .limit(limit)
                .fetch(ChainCheckpoints::view);
    }

    /** A checkpoint as the API shows it. */
    static AuditAnswers.Checkpoint view(ChainCheckpointRecord c) {
        return new AuditAnswers.Checkpoint(
                c.getCheckpointId(),
                c.getThroughGlobalIndex(),
                c.getStreams(),
                c.getHeadHash(),
                c.getRecordedAt().toInstant());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

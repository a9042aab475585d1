package org.pmpledger.query.due;

import static org.pmpledger.query.jooq.Tables.CALENDAR_FEED;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.pmpledger.query.jooq.tables.records.CalendarFeedRecord;

/**
 * Calendar feeds of what is due: each a random token (256 bits, shown once, only its SHA-256 kept) standing for the
 * caller who made it and the filter they chose, until they revoke it or it expires ({@code pmp.feeds.lifetime} after
 * it was made, fixed then; a year by default), whichever comes first.
 */
@Component
class Feeds {

    /** The most feeds one caller keeps at once. */
    static final int MAX_PER_CALLER = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;
    private final Duration lifetime;

    Feeds(DSLContext db, Clock clock, @Value("${pmp.feeds.lifetime:P365D}") Duration lifetime) {
        this.db = db;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A feed as its owner sees it; its token only when just made. */
    record Feed(
            String feedId,
            String token,
            String lcsa,
            String region,
            int days,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsed) {}

    Feed create(String subject, String lcsa, String region, int days) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeedRecord row = db.newRecord(CALENDAR_FEED);
        row.setFeedId(UUID.randomUUID().toString());
        row.setTokenHash(hash(token));
        row.setSubject(subject);
        row.setLcsa(lcsa);
        row.setRegion(region);
        row.setDays(days);
        row.setCreatedAt(clock.instant().atOffset(ZoneOffset.UTC));
        row.setExpiresAt(clock.instant().plus(lifetime).atOffset(ZoneOffset.UTC));
        row.store();
        return feedOf(row, token);
    }

    /** How many of the subject's feeds still work: neither revoked nor expired. */
    long activeOf(String subject) {
        return db.fetchCount(
                CALENDAR_FEED,
                CALENDAR_FEED.SUBJECT.eq(subject),
                CALENDAR_FEED.REVOKED_AT.isNull(),
                CALENDAR_FEED.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)));
    }

    List<Feed> of(String subject) {
        return db.selectFrom(CALENDAR_FEED)
                .where(CALENDAR_FEED.SUBJECT.eq(subject))
                .orderBy(CALENDAR_FEED.CREATED_AT)
                .fetch(row -> feedOf(row, null));
    }

    /** Revokes the subject's feed; false when it has none of that id. */
    boolean revoke(String subject, String feedId) {
        return db.update(CALENDAR_FEED)
                        .set(CALENDAR_FEED.REVOKED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                        .where(
                                CALENDAR_FEED.FEED_ID.eq(feedId),
                                CALENDAR_FEED.SUBJECT.eq(subject),
                                CALENDAR_FEED.REVOKED_AT.isNull())
                        .execute()
                > 0;
    }

    /** The feed a token stands for, unless revoked or expired; its use is noted. */
    Optional<Feed> resolve(String token) {
        CalendarFeedRecord row = db.selectFrom(CALENDAR_FEED)
                .where(
                        CALENDAR_FEED.TOKEN_HASH.eq(hash(token)),
                        CALENDAR_FEED.REVOKED_AT.isNull(),
                        CALENDAR_FEED.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        db.update(CALENDAR_FEED)
                .set(CALENDAR_FEED.LAST_USED, clock.instant().atOffset(ZoneOffset.UTC))
                .where(CALENDAR_FEED.FEED_ID.eq(row.getFeedId()))
                .execute();
        return Optional.of(feedOf(row, null));
    }

    private static Feed feedOf(CalendarFeedRecord row, String token) {
        return new Feed(
                row.getFeedId(),
                token,
                row.getLcsa(),
                row.getRegion(),
                row.getDays(),
                row.getCreatedAt().toInstant(),
                row.getExpiresAt().toInstant(),
                row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant(),
                row.getLastUsed() == null ? null : row.getLastUsed().toInstant());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

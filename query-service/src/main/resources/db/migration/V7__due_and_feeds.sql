-- How many times a tactic's projected completion was revised: the SEQUENCE of its calendar event.
ALTER TABLE plan_tactic ADD COLUMN completion_revisions INTEGER NOT NULL DEFAULT 0;

-- Calendar feeds: a URL that works without an Authorization header, one per caller and filter, revocable. They are not
-- folded from events, so a rebuild of the read models leaves this table alone (ShadowSchema). The token itself is never
-- stored: only its SHA-256.
CREATE TABLE calendar_feed (
    feed_id     VARCHAR(36)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    lcsa        VARCHAR(64),
    region      VARCHAR(64),
    days        INTEGER      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ,
    last_used   TIMESTAMPTZ,
    CONSTRAINT calendar_feed_pk PRIMARY KEY (feed_id),
    CONSTRAINT calendar_feed_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX calendar_feed_subject_idx ON calendar_feed (subject);

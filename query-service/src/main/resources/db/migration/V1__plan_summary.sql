-- Read models of the query service. Only the Kafka consumer writes here; every table can be rebuilt
-- from the topic.

-- Exactly-once in effect: the last applied sequence per stream (plan or cycle), written in the same
-- transaction as the projection rows; anything at or below it is a re-delivery and is skipped.
CREATE TABLE stream_checkpoint (
    stream_id     VARCHAR(64) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    CONSTRAINT stream_checkpoint_pk PRIMARY KEY (stream_id)
);

-- What each partition has applied: the basis of freshness (minPosition) answers.
CREATE TABLE partition_checkpoint (
    topic         VARCHAR(255) NOT NULL,
    kafka_partition INTEGER    NOT NULL,
    next_offset   BIGINT       NOT NULL,
    last_position BIGINT       NOT NULL,
    applied_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT partition_checkpoint_pk PRIMARY KEY (topic, kafka_partition)
);

CREATE TABLE plan_summary (
    plan_id       VARCHAR(64)  NOT NULL,
    ffy           INTEGER      NOT NULL,
    lcsa          VARCHAR(64)  NOT NULL,
    title         VARCHAR(300),
    status        VARCHAR(20)  NOT NULL,
    drafted_at    TIMESTAMPTZ  NOT NULL,
    submitted_at  TIMESTAMPTZ,
    submissions   INTEGER      NOT NULL DEFAULT 0,
    due_date      DATE,
    late          BOOLEAN,
    days_late     INTEGER,
    version       BIGINT       NOT NULL,
    last_position BIGINT       NOT NULL,
    CONSTRAINT plan_summary_pk PRIMARY KEY (plan_id)
);

CREATE INDEX plan_summary_ffy_lcsa_idx ON plan_summary (ffy, lcsa);

CREATE TABLE cycle_summary (
    ffy           INTEGER     NOT NULL,
    cycle_id      VARCHAR(64) NOT NULL,
    plan_due_date DATE        NOT NULL,
    opened_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT cycle_summary_pk PRIMARY KEY (ffy)
);

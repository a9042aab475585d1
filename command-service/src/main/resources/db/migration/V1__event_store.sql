-- The event store: the system of record and the audit log. Axon's JdbcEventStorageEngine writes here
-- (column names configured in EventStoreSchema). Payload and metadata are BYTEA (never large objects).
CREATE SEQUENCE domain_event_global_index_seq;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL DEFAULT nextval('domain_event_global_index_seq'),
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_aggregate_sequence_uq UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_uq UNIQUE (event_identifier)
);

ALTER SEQUENCE domain_event_global_index_seq OWNED BY domain_event_entry.global_index;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_uq UNIQUE (event_identifier)
);

-- Tracking tokens of Axon's streaming processors (the Kafka publisher among them).
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);

-- Idempotency-Key -> the first answer, written in the same transaction as the command's events.
-- Keys are scoped by the caller (JWT subject) so two apps cannot collide.
CREATE TABLE idempotency_record (
    subject         VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    http_status     INTEGER      NOT NULL,
    location        VARCHAR(500),
    response_body   TEXT         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (subject, idempotency_key)
);

-- Set-based guard: exactly one plan per (FFY, LCSA), also under concurrent DraftPlan requests
-- (aggregates cannot see each other). Written in the DraftPlan transaction.
CREATE TABLE plan_slot (
    ffy     INTEGER      NOT NULL,
    lcsa    VARCHAR(64)  NOT NULL,
    plan_id VARCHAR(64)  NOT NULL,
    CONSTRAINT plan_slot_pk PRIMARY KEY (ffy, lcsa),
    CONSTRAINT plan_slot_plan_uq UNIQUE (plan_id)
);

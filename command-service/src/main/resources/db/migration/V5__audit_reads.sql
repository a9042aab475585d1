-- Every read of the audit endpoints is itself recorded: who looked at what, when (visible to auditors).
CREATE TABLE audit_read (
    read_id   BIGSERIAL     NOT NULL,
    subject   VARCHAR(255)  NOT NULL,
    roles     VARCHAR(255)  NOT NULL,
    client_id VARCHAR(255),
    what      VARCHAR(2000) NOT NULL,
    read_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT audit_read_pk PRIMARY KEY (read_id)
);
CREATE INDEX audit_read_at_idx ON audit_read (read_at);

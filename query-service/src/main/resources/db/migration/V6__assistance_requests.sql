-- Requests for state assistance (joint dependencies that need DCSS Executive Staff), folded from the plan-events topic:
-- one row per request with where it stands (sequence: its raising's place in the plan's stream), and one per step and
-- comment, keyed by their place in the plan's stream.
CREATE TABLE assistance_request (
    plan_id      VARCHAR(64)   NOT NULL,
    request_id   VARCHAR(64)   NOT NULL,
    ffy          INTEGER       NOT NULL,
    lcsa         VARCHAR(64)   NOT NULL,
    entry_id     VARCHAR(64),
    tactic_id    VARCHAR(64),
    need         VARCHAR(4000) NOT NULL,
    from_whom    VARCHAR(500)  NOT NULL,
    needed_by    DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    raised_by    VARCHAR(255)  NOT NULL,
    requested_at TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    sequence     BIGINT        NOT NULL,
    CONSTRAINT assistance_request_pk PRIMARY KEY (plan_id, request_id)
);
CREATE INDEX assistance_request_ffy_status_idx ON assistance_request (ffy, status);

CREATE TABLE assistance_note (
    plan_id    VARCHAR(64)   NOT NULL,
    sequence   BIGINT        NOT NULL,
    request_id VARCHAR(64)   NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    author     VARCHAR(255)  NOT NULL,
    role       VARCHAR(20),
    region     VARCHAR(64),
    note       VARCHAR(4000),
    noted_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT assistance_note_pk PRIMARY KEY (plan_id, sequence)
);

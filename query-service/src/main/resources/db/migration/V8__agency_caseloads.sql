-- Agencies' caseloads per cycle, as the state recorded them: what groups agencies of similar size as peers.
CREATE TABLE agency_caseload (
    ffy         INTEGER     NOT NULL,
    lcsa        VARCHAR(64) NOT NULL,
    cases       BIGINT      NOT NULL,
    as_of       DATE        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT agency_caseload_pk PRIMARY KEY (ffy, lcsa)
);

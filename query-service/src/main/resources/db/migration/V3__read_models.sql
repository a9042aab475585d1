-- The analysts' read models, folded from the plan-events topic only. No rule lives here: figures
-- (shares, statuses, ranks, quartiles, compliance) are computed by the query code from these facts.

-- Cycles: what plans are measured against.
ALTER TABLE cycle_summary ADD COLUMN q1_due DATE;
ALTER TABLE cycle_summary ADD COLUMN q2_due DATE;
ALTER TABLE cycle_summary ADD COLUMN q3_due DATE;
ALTER TABLE cycle_summary ADD COLUMN q4_due DATE;

CREATE TABLE cycle_goal (
    ffy    INTEGER      NOT NULL,
    goal   INTEGER      NOT NULL,
    title  VARCHAR(500) NOT NULL,
    CONSTRAINT cycle_goal_pk PRIMARY KEY (ffy, goal)
);

CREATE TABLE cycle_objective (
    ffy       INTEGER      NOT NULL,
    goal      INTEGER      NOT NULL,
    objective INTEGER      NOT NULL,
    title     VARCHAR(500) NOT NULL,
    CONSTRAINT cycle_objective_pk PRIMARY KEY (ffy, goal, objective)
);

CREATE TABLE cycle_indicator (
    ffy       INTEGER      NOT NULL,
    code      VARCHAR(40)  NOT NULL,
    title     VARCHAR(500) NOT NULL,
    unit      VARCHAR(20)  NOT NULL,
    direction VARCHAR(20)  NOT NULL,
    CONSTRAINT cycle_indicator_pk PRIMARY KEY (ffy, code)
);

-- Key initiatives and sub-initiatives (parent_code set); required/threshold only on key initiatives.
CREATE TABLE cycle_initiative (
    ffy                 INTEGER      NOT NULL,
    code                VARCHAR(20)  NOT NULL,
    parent_code         VARCHAR(20),
    title               VARCHAR(500) NOT NULL,
    required            VARCHAR(40),
    threshold           NUMERIC,
    threshold_indicator VARCHAR(40),
    position            INTEGER      NOT NULL,
    CONSTRAINT cycle_initiative_pk PRIMARY KEY (ffy, code)
);

CREATE TABLE agency_value (
    ffy         INTEGER     NOT NULL,
    indicator   VARCHAR(40) NOT NULL,
    lcsa        VARCHAR(64) NOT NULL,
    value       NUMERIC     NOT NULL,
    as_of       DATE        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT agency_value_pk PRIMARY KEY (ffy, indicator, lcsa)
);

-- Plans: submission, review and final-results facts for compliance.
ALTER TABLE plan_summary ADD COLUMN first_submitted_at TIMESTAMPTZ;
ALTER TABLE plan_summary ADD COLUMN first_late         BOOLEAN;
ALTER TABLE plan_summary ADD COLUMN first_days_late    INTEGER;
ALTER TABLE plan_summary ADD COLUMN returns            INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_summary ADD COLUMN approved_at        TIMESTAMPTZ;
ALTER TABLE plan_summary ADD COLUMN closed_at          TIMESTAMPTZ;
ALTER TABLE plan_summary ADD COLUMN final_due_date     DATE;
ALTER TABLE plan_summary ADD COLUMN final_late         BOOLEAN;
ALTER TABLE plan_summary ADD COLUMN final_days_late    INTEGER;
ALTER TABLE plan_summary ADD COLUMN final_narrative    TEXT;
CREATE INDEX plan_summary_ffy_status_idx ON plan_summary (ffy, status);

CREATE TABLE plan_entry (
    plan_id           VARCHAR(64)   NOT NULL,
    entry_id          VARCHAR(64)   NOT NULL,
    ffy               INTEGER       NOT NULL,
    lcsa              VARCHAR(64)   NOT NULL,
    goal              INTEGER       NOT NULL,
    objective         INTEGER,
    objective_text    VARCHAR(1000),
    strategy          VARCHAR(4000),
    initiative        VARCHAR(20),
    indicator         VARCHAR(40),
    measurement_title VARCHAR(500)  NOT NULL,
    unit              VARCHAR(20),
    baseline          NUMERIC,
    target            NUMERIC,
    removed           BOOLEAN       NOT NULL DEFAULT FALSE,
    amendment         BOOLEAN       NOT NULL DEFAULT FALSE,
    added_at          TIMESTAMPTZ   NOT NULL,
    position          BIGINT        NOT NULL,
    CONSTRAINT plan_entry_pk PRIMARY KEY (plan_id, entry_id)
);
CREATE INDEX plan_entry_ffy_indicator_idx ON plan_entry (ffy, indicator);

-- One row per entry and quarter: the latest value (corrections applied) and the first recording's
-- timeliness (compliance is about when the update first came).
CREATE TABLE quarterly_update (
    plan_id            VARCHAR(64)   NOT NULL,
    entry_id           VARCHAR(64)   NOT NULL,
    quarter            VARCHAR(2)    NOT NULL,
    ffy                INTEGER       NOT NULL,
    lcsa               VARCHAR(64)   NOT NULL,
    value              NUMERIC,
    narrative          VARCHAR(4000) NOT NULL,
    due_date           DATE,
    first_recorded_at  TIMESTAMPTZ   NOT NULL,
    first_late         BOOLEAN       NOT NULL,
    first_days_late    INTEGER       NOT NULL,
    first_value        NUMERIC,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    corrections        INTEGER       NOT NULL DEFAULT 0,
    last_reason        VARCHAR(2000),
    after_close        BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT quarterly_update_pk PRIMARY KEY (plan_id, entry_id, quarter)
);
CREATE INDEX quarterly_update_ffy_idx ON quarterly_update (ffy);

CREATE TABLE plan_tactic (
    plan_id              VARCHAR(64)   NOT NULL,
    tactic_id            VARCHAR(64)   NOT NULL,
    ffy                  INTEGER       NOT NULL,
    lcsa                 VARCHAR(64)   NOT NULL,
    entry_id             VARCHAR(64)   NOT NULL,
    title                VARCHAR(500)  NOT NULL,
    leads                TEXT[]        NOT NULL,
    description          VARCHAR(4000),
    projected_completion DATE          NOT NULL,
    initiative           VARCHAR(20),
    status               VARCHAR(20)   NOT NULL,
    actual_completion    DATE,
    withdrawn            BOOLEAN       NOT NULL DEFAULT FALSE,
    withdrawal_reason    VARCHAR(2000),
    amendment            BOOLEAN       NOT NULL DEFAULT FALSE,
    added_at             TIMESTAMPTZ   NOT NULL,
    changed_at           TIMESTAMPTZ   NOT NULL,
    position             BIGINT        NOT NULL,
    CONSTRAINT plan_tactic_pk PRIMARY KEY (plan_id, tactic_id)
);
CREATE INDEX plan_tactic_ffy_status_idx ON plan_tactic (ffy, status);

CREATE TABLE plan_comment (
    plan_id      VARCHAR(64)   NOT NULL,
    sequence     BIGINT        NOT NULL,
    entry_id     VARCHAR(64),
    author       VARCHAR(255)  NOT NULL,
    region       VARCHAR(64),
    kind         VARCHAR(20)   NOT NULL,
    comment      VARCHAR(4000),
    commented_at TIMESTAMPTZ   NOT NULL,
    CONSTRAINT plan_comment_pk PRIMARY KEY (plan_id, sequence)
);

-- The agencies expected to have a plan (for "missing" in compliance): reference data, seeded like the
-- command side's agency table from ../shared/domain/reference-data.json.
CREATE TABLE agency (
    code   VARCHAR(64)  NOT NULL,
    name   VARCHAR(200) NOT NULL,
    region VARCHAR(64)  NOT NULL,
    CONSTRAINT agency_pk PRIMARY KEY (code)
);

INSERT INTO agency (code, name, region) VALUES
    ('CENTRAL_SIERRA', 'Central Sierra Child Support Agency', 'Northern'),
    ('CSY_REGIONAL', 'Colusa, Sutter, and Yolo Regional Child Support Agency', 'Northern'),
    ('SANTA_CRUZ_SAN_BENITO', 'Santa Cruz - San Benito Regional Department of Child Support Services', 'Northern'),
    ('SIERRA_NEVADA', 'Sierra Nevada Regional Department of Child Support Services', 'Northern'),
    ('EASTERN_SIERRA', 'Eastern Sierra (Regional) Child Support Services', 'Northern'),
    ('NORTH_COAST', 'North Coast Regional Department of Child Support Services (NCRDCSS)', 'Northern'),
    ('ALAMEDA', 'Alameda County Department of Child Support Services', 'Northern'),
    ('BUTTE', 'Butte County Department of Child Support Services', 'Northern'),
    ('CONTRA_COSTA', 'Contra Costa County Department of Child Support Services', 'Northern'),
    ('DEL_NORTE', 'Del Norte County Department of Child Support Services', 'Northern'),
    ('EL_DORADO', 'El Dorado County Department of Child Support Services', 'Northern'),
    ('FRESNO', 'Fresno County Department of Child Support Services', 'Northern'),
    ('GLENN', 'Glenn County Department of Child Support Services', 'Northern'),
    ('IMPERIAL', 'Imperial County Department of Child Support Services', 'Southern'),
    ('KERN', 'Kern County Department of Child Support Services', 'Southern'),
    ('KINGS', 'Kings County Department of Child Support Services', 'Southern'),
    ('LAKE', 'Lake County Department of Child Support Services', 'Northern'),
    ('LASSEN', 'Lassen County Department of Child Support Services', 'Northern'),
    ('LOS_ANGELES', 'Los Angeles County Child Support Services Department (CSSD)', 'Southern'),
    ('MADERA', 'Madera County Department of Child Support Services', 'Northern'),
    ('MARIN', 'Marin County Department of Child Support Services', 'Northern'),
    ('MARIPOSA', 'Mariposa County Department of Child Support Services', 'Northern'),
    ('MENDOCINO', 'Mendocino County Department of Child Support Services', 'Northern'),
    ('MERCED', 'Merced County Department of Child Support Services', 'Northern'),
    ('MODOC', 'Modoc County Department of Child Support Services', 'Northern'),
    ('MONTEREY', 'Monterey County Department of Child Support Services', 'Northern'),
    ('NAPA', 'Napa County Department of Child Support Services', 'Northern'),
    ('ORANGE', 'Orange County Department of Child Support Services', 'Southern'),
    ('PLACER', 'Placer County Department of Child Support Services', 'Northern'),
    ('PLUMAS', 'Plumas County Department of Child Support Services', 'Northern'),
    ('RIVERSIDE', 'Riverside County Department of Child Support Services', 'Southern'),
    ('SACRAMENTO', 'Sacramento County Department of Child Support Services', 'Northern'),
    ('SAN_BERNARDINO', 'San Bernardino County Department of Child Support Services', 'Southern'),
    ('SAN_DIEGO', 'San Diego County Department of Child Support Services', 'Southern'),
    ('SAN_FRANCISCO', 'San Francisco County Department of Child Support Services', 'Northern'),
    ('SAN_JOAQUIN', 'San Joaquin County Department of Child Support Services', 'Northern'),
    ('SAN_LUIS_OBISPO', 'San Luis Obispo County Department of Child Support Services', 'Southern'),
    ('SAN_MATEO', 'San Mateo County Department of Child Support Services', 'Northern'),
    ('SANTA_BARBARA', 'Santa Barbara County Department of Child Support Services', 'Southern'),
    ('SANTA_CLARA', 'Santa Clara County Department of Child Support Services', 'Northern'),
    ('SHASTA', 'Shasta County Department of Child Support Services', 'Northern'),
    ('SISKIYOU', 'Siskiyou County Department of Child Support Services', 'Northern'),
    ('SOLANO', 'Solano County Department of Child Support Services', 'Northern'),
    ('SONOMA', 'Sonoma County Department of Child Support Services', 'Northern'),
    ('STANISLAUS', 'Stanislaus County Department of Child Support Services', 'Northern'),
    ('TEHAMA', 'Tehama County Department of Child Support Services', 'Northern'),
    ('TULARE', 'Tulare County Department of Child Support Services', 'Southern'),
    ('VENTURA', 'Ventura County Department of Child Support Services', 'Southern'),
    ('YUBA', 'Yuba County Department of Child Support Services', 'Northern');

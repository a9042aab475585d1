-- Changes made to a plan after its approval (amendments), so a reviewer sees that and when the
-- approved plan changed.
ALTER TABLE plan_summary ADD COLUMN amendments      INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_summary ADD COLUMN last_amended_at TIMESTAMPTZ;

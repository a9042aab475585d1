-- A calendar feed's expiry is fixed when it is made: a later change of the configured lifetime neither revives an
-- expired feed nor cuts a working one short. Feeds made before expire a year after they were made.
ALTER TABLE calendar_feed ADD COLUMN expires_at TIMESTAMPTZ;
-- jOOQ's code generation reads no interval arithmetic; the statement changes data, not the schema
/* [jooq ignore start] */
UPDATE calendar_feed SET expires_at = created_at + INTERVAL '365 days';
/* [jooq ignore stop] */
ALTER TABLE calendar_feed ALTER COLUMN expires_at SET NOT NULL;

-- Events commit in the order of their positions. Every statement that appends events first takes one transaction-wide
-- lock (before its rows draw their global_index) and the transaction holds it until it ends, so a transaction that drew
-- a lower global_index has committed or rolled back before a higher one is drawn. Whoever has read position P has
-- therefore read every event at or below P there will ever be: the publisher's watermark ("published through P") and
-- a chain checkpoint ("every stream through P") are true when written, with any number of command-service instances.
/* [jooq ignore start] */
CREATE FUNCTION events_commit_in_position_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7305921874121);
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_position_order
    BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION events_commit_in_position_order();
/* [jooq ignore stop] */

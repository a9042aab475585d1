-- The event store is the audit log: append-only in the database itself.
-- 1. Triggers refuse UPDATE, DELETE and TRUNCATE of domain_event_entry for every role, its owner and
--    superusers included (only disabling the trigger, which is itself visible, gets past them).
-- 2. The application role may INSERT and SELECT events, never UPDATE, DELETE or TRUNCATE them;
--    snapshots, tokens, idempotency records and guards stay writable.
/* [jooq ignore start] */
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Events are never changed or removed; a correction is a new event.';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- The role the service runs as in production (roles are per server: created once, where allowed).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pmp_command_app')
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
        CREATE ROLE pmp_command_app NOLOGIN;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pmp_command_app') THEN
        REVOKE ALL ON domain_event_entry FROM pmp_command_app;
        GRANT SELECT, INSERT ON domain_event_entry TO pmp_command_app;
        GRANT USAGE, SELECT ON SEQUENCE domain_event_global_index_seq TO pmp_command_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, idempotency_record, plan_slot, agency
            TO pmp_command_app;
    END IF;
END
$$;
/* [jooq ignore stop] */

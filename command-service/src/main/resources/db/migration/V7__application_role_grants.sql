-- What the service's login role pmp_command_app may do, and nothing more (least privilege; the role is made outside
-- the migrations, see infra/postgres-roles.sql). It reads and appends events and never changes or removes one; it
-- keeps its own bookkeeping (tokens, idempotency records, plan slots, audit reads, checkpoints); it reads the agencies.
-- Not being the owner or a superuser, it cannot disable the triggers or replication-role them away.
/* [jooq ignore start] */
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pmp_command_app') THEN
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM pmp_command_app;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM pmp_command_app;
        GRANT SELECT, INSERT ON domain_event_entry, chain_checkpoint, audit_read TO pmp_command_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, idempotency_record, plan_slot
            TO pmp_command_app;
        GRANT SELECT ON agency TO pmp_command_app;
        GRANT USAGE, SELECT ON SEQUENCE domain_event_global_index_seq, chain_checkpoint_checkpoint_id_seq,
            audit_read_read_id_seq TO pmp_command_app;
    END IF;
END
$$;
/* [jooq ignore stop] */

-- The event store's trigger functions find names in the system catalog and the public schema only, whoever calls
-- them: no session can put a table or function of its own (a temporary one, say) in their way. The roles that use the
-- database make no temporary tables and create nothing in public (PostgreSQL before 15 let everyone do both).
/* [jooq ignore start] */
ALTER FUNCTION refuse_event_change() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION event_canonical_hash(BYTEA, domain_event_entry) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION chain_event() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION events_commit_in_position_order() SET search_path = pg_catalog, public, pg_temp;
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
/* [jooq ignore stop] */

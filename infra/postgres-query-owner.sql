-- Run in pmp_query: the query service's role owns every table and schema of its database, also those an earlier
-- installation made as another user. Idempotent. Statements end with a blank line (postgres --single -j).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT schemaname, tablename FROM pg_tables
             WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tableowner <> 'pmp_query_app' LOOP
        EXECUTE format('ALTER TABLE %I.%I OWNER TO pmp_query_app', t.schemaname, t.tablename);
    END LOOP;
    FOR t IN SELECT nspname FROM pg_namespace
             WHERE nspname NOT LIKE 'pg\_%' AND nspname NOT IN ('information_schema', 'public')
               AND pg_get_userbyid(nspowner) <> 'pmp_query_app' LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO pmp_query_app', t.nspname);
    END LOOP;
END
$$;


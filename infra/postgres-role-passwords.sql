-- The services' login roles with the passwords a production setup gives them (psql variables, never written here),
-- as infra/postgres-roles.sql makes them for local runs; idempotent. The setup Job and deploy/compose.yaml run it:
--   psql -v ON_ERROR_STOP=1 -v command_app_password=... -v query_app_password=... -f postgres-role-passwords.sql postgres
-- Its user needs CREATEROLE, not superuser: the roles' attributes are given when they are made, and later runs only
-- set their passwords (naming SUPERUSER or BYPASSRLS at all needs those powers).
SELECT length(:'command_app_password') > 0 AND length(:'query_app_password') > 0 AS passwords_given \gset
\if :passwords_given
\else
DO $$ BEGIN RAISE EXCEPTION 'command_app_password and query_app_password must not be empty'; END $$;
\endif
SELECT 'CREATE ROLE pmp_command_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pmp_command_app') \gexec
ALTER ROLE pmp_command_app LOGIN PASSWORD :'command_app_password';
SELECT 'CREATE ROLE pmp_query_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pmp_query_app') \gexec
ALTER ROLE pmp_query_app LOGIN PASSWORD :'query_app_password';
-- an administrator that is no superuser (a managed PostgreSQL) may then hand pmp_query its owner
GRANT pmp_query_app TO CURRENT_USER;

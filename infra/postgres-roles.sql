-- The login roles PMP Ledger's services connect as, each with only what it needs (README, Operations):
--   pmp_command_app  reads and appends events, never changes or removes one (grants: command-service migration V7)
--   pmp_query_app    owns the query service's database: it migrates and rebuilds its own read models
-- Idempotent; run as a superuser or a role with CREATEROLE (infra/run-local and infra/embedded-postgres run it at every
-- start). The passwords suit one machine: on a shared server set real ones and give them to the services
-- (SPRING_DATASOURCE_PASSWORD). Statements end with a blank line, as `postgres --single -j` reads them.
DO $$ BEGIN CREATE ROLE pmp_command_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

ALTER ROLE pmp_command_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD 'pmp_command_app';

DO $$ BEGIN CREATE ROLE pmp_query_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

ALTER ROLE pmp_query_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD 'pmp_query_app';


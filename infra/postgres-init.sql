-- For a fresh server (Docker's entry point and infra/embedded-postgres run it after postgres-roles.sql): the two
-- databases, the query service's owned by its role. Statements end with a blank line (postgres --single -j).
CREATE DATABASE pmp_command;

CREATE DATABASE pmp_query OWNER pmp_query_app;


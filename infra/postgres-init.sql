CREATE DATABASE pmp_command;
CREATE DATABASE pmp_query;

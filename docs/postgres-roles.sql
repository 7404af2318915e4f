-- Roles for a Phidex index on PostgreSQL (docs/scale.md). Run once, as a
-- superuser (on a managed service, its administrator role), with psql:
--   psql -h db.example -U postgres -f docs/postgres-roles.sql
-- then give each role a password (\password phidex_scanner) or a client
-- certificate, and put it in the hosts' ~/.pgpass or PGPASSFILE.
--
-- phidex_scanner  owns the index: `phidex index copy` creates its tables in
--                 the empty database and loads SQLite indexes into it.
-- phidex_auditor  reads: report, query, diff and explain. Its sessions are
--                 read-only, and it has SELECT on the index's tables only.

CREATE ROLE phidex_scanner LOGIN;
CREATE ROLE phidex_auditor LOGIN;
CREATE DATABASE phidex_estate OWNER phidex_scanner;
REVOKE ALL ON DATABASE phidex_estate FROM PUBLIC;
GRANT CONNECT ON DATABASE phidex_estate TO phidex_scanner, phidex_auditor;
ALTER ROLE phidex_auditor SET default_transaction_read_only = on;

\connect phidex_estate
REVOKE ALL ON SCHEMA public FROM PUBLIC;
-- Before PostgreSQL 15 the schema is not the database owner's: the scanner is given it.
GRANT USAGE, CREATE ON SCHEMA public TO phidex_scanner;
GRANT USAGE ON SCHEMA public TO phidex_auditor;
-- Tables the scanner creates later (the first load creates them all) are readable by auditors.
ALTER DEFAULT PRIVILEGES FOR ROLE phidex_scanner IN SCHEMA public GRANT SELECT ON TABLES TO phidex_auditor;

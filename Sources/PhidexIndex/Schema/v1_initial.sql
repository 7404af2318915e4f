-- Phidex index schema, version 1 (PRAGMA user_version = 1).
--
-- One SQLite file per index, WAL mode, one writer (the scan), any number of
-- readers (query, report). Migrations are numbered files beside this one
-- (v2_*.sql, ...), each applied once inside a transaction; an index whose
-- user_version is newer than the running Phidex knows is refused, not touched.
--
-- What this file may never hold: an identifier value in clear text. Findings
-- carry a masked preview (last four characters at most) and value_key, the
-- first 8 bytes of HMAC-SHA256(index key, normalized value) as a signed
-- integer. The key lives outside this file (INDEX.key, mode 0600); without it
-- the value keys cannot be recomputed, so nobody can test a guessed SSN
-- against a copied index. meta.key_fingerprint detects a mismatched key file.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,  -- 'schema_version', 'created_at', 'created_by', 'key_fingerprint'
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per `phidex scan` invocation.
CREATE TABLE scan_run (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,                 -- ISO 8601, UTC
    finished_at     TEXT,                          -- NULL while running or after a crash
    status          TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
    roots           TEXT NOT NULL,                 -- JSON array of absolute root paths
    options         TEXT NOT NULL,                 -- JSON object of the resolved scan options
    ruleset_version TEXT NOT NULL,                 -- hash of the rule files that produced the findings
    phidex_version  TEXT NOT NULL,
    files_ok        INTEGER NOT NULL DEFAULT 0 CHECK (files_ok >= 0),
    files_error     INTEGER NOT NULL DEFAULT 0 CHECK (files_error >= 0),
    files_skipped   INTEGER NOT NULL DEFAULT 0 CHECK (files_skipped >= 0),
    bytes_scanned   INTEGER NOT NULL DEFAULT 0 CHECK (bytes_scanned >= 0),
    findings        INTEGER NOT NULL DEFAULT 0 CHECK (findings >= 0)
);

-- One row per file (later: per archive member) a run saw, read or not.
CREATE TABLE file (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES scan_run (id),
    path             TEXT NOT NULL,                -- logical path, absolute
    size             INTEGER NOT NULL CHECK (size >= 0),
    mtime_ns         INTEGER NOT NULL,             -- nanoseconds since the Unix epoch
    ctime_ns         INTEGER NOT NULL,
    device           INTEGER NOT NULL,
    inode            INTEGER NOT NULL,
    uid              INTEGER NOT NULL,
    gid              INTEGER NOT NULL,
    mode             INTEGER NOT NULL,             -- full st_mode: type and permission bits
    status           TEXT NOT NULL CHECK (status IN ('ok', 'error', 'skipped', 'encrypted') OR status LIKE 'limit:%'),
    reason           TEXT,                         -- why error/skipped; never file content
    bytes_read       INTEGER NOT NULL DEFAULT 0 CHECK (bytes_read >= 0),
    finding_count    INTEGER NOT NULL DEFAULT 0 CHECK (finding_count >= 0),
    risk_score       INTEGER NOT NULL DEFAULT 0 CHECK (risk_score BETWEEN 0 AND 100),
    risk_tier        TEXT NOT NULL DEFAULT 'none' CHECK (risk_tier IN ('none', 'low', 'medium', 'high', 'critical')),
    risk_explanation TEXT NOT NULL DEFAULT ''      -- the factors behind risk_score, '; '-separated
);

-- One row per identifier found. The posting list "value -> files" is the
-- finding_value_key index below.
CREATE TABLE finding (
    id          INTEGER PRIMARY KEY,
    file_id     INTEGER NOT NULL REFERENCES file (id),
    rule_id     TEXT NOT NULL,                     -- e.g. 'phi.ssn.1'
    type        TEXT NOT NULL,                     -- e.g. 'ssn'
    byte_offset INTEGER NOT NULL CHECK (byte_offset >= 0),
    length      INTEGER NOT NULL CHECK (length > 0),
    line        INTEGER NOT NULL CHECK (line >= 1),
    confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    masked      TEXT NOT NULL,                     -- e.g. '***-**-7788'
    value_key   INTEGER NOT NULL,                  -- HMAC-SHA256(key, normalized value), first 8 bytes
    reason      TEXT NOT NULL                      -- why the rule fired; never the value
);

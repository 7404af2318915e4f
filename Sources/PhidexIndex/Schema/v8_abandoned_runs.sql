-- Schema version 8: a run can be `abandoned`, and a finding can be in a file's name.
-- A scan killed outright (kill -9, a power cut, an out-of-memory kill) leaves its run `running`; the next scan of the
-- index finds no live process behind it (IndexWriter's run locks) and marks it
-- `abandoned`, with the totals of the rows it stored. SQLite cannot change a CHECK
-- constraint in place, so the table is rebuilt (foreign keys are off in writers).

CREATE TABLE scan_run_v8 (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,                          -- NULL while running, or when abandoned
    status          TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted', 'abandoned')),
    roots           TEXT NOT NULL,
    options         TEXT NOT NULL,
    ruleset_version TEXT NOT NULL,
    phidex_version  TEXT NOT NULL,
    files_ok        INTEGER NOT NULL DEFAULT 0 CHECK (files_ok >= 0),
    files_error     INTEGER NOT NULL DEFAULT 0 CHECK (files_error >= 0),
    files_skipped   INTEGER NOT NULL DEFAULT 0 CHECK (files_skipped >= 0),
    bytes_scanned   INTEGER NOT NULL DEFAULT 0 CHECK (bytes_scanned >= 0),
    findings        INTEGER NOT NULL DEFAULT 0 CHECK (findings >= 0),
    reuse_key       TEXT
);

INSERT INTO scan_run_v8 (id, started_at, finished_at, status, roots, options, ruleset_version, phidex_version,
                         files_ok, files_error, files_skipped, bytes_scanned, findings, reuse_key)
SELECT id, started_at, finished_at, status, roots, options, ruleset_version, phidex_version,
       files_ok, files_error, files_skipped, bytes_scanned, findings, reuse_key
FROM scan_run;

DROP TABLE scan_run;
ALTER TABLE scan_run_v8 RENAME TO scan_run;

-- Where a finding was found: in the file's content, or in its name (its path or a member's name;
-- byte_offset and length then locate the masked identifier in file.path).
ALTER TABLE finding ADD COLUMN location TEXT NOT NULL DEFAULT 'content' CHECK (location IN ('content', 'name'));

-- Schema version 6: a run's files are the rows it references, not only those it
-- wrote. An unchanged file in a re-scan is linked to the row an earlier run
-- wrote (with its findings) instead of being copied: a nightly re-scan of a
-- million unchanged files adds a million small links, not a million file rows
-- and all their findings. file.run_id stays the run that wrote (and read) the
-- row; run_file lists every run that includes it.

CREATE TABLE run_file (
    run_id  INTEGER NOT NULL REFERENCES scan_run (id),
    file_id INTEGER NOT NULL REFERENCES file (id),
    PRIMARY KEY (run_id, file_id)
) WITHOUT ROWID;

INSERT INTO run_file (run_id, file_id) SELECT run_id, id FROM file;

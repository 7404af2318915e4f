-- Schema version 5: incremental and resumable scans.
--
-- file.complete is 0 for a row whose findings were still arriving in batches
-- (a large file being read) when its run stopped: such a row is never reused.
-- file.carried_from is the row a later run copied it from, when the file was
-- unchanged (device, inode, size, mtime and ctime equal) and the rules and
-- limits were the same; its findings were copied, not found again.
-- scan_run.reuse_key names what makes results reusable between runs (rule set
-- and limits): only runs with the same key lend their rows.
-- finding_file is kept during ingest from now on: rows arrive in file order, so
-- it grows at its end, and copying a file's findings needs it.

ALTER TABLE file ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
ALTER TABLE file ADD COLUMN carried_from INTEGER;
ALTER TABLE scan_run ADD COLUMN reuse_key TEXT;
CREATE INDEX IF NOT EXISTS finding_file ON finding (file_id);

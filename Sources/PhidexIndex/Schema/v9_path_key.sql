-- Schema version 9: a file's row holds the keyed hash of its path on disk.
-- A re-scan looks each file up in the earlier runs before anything reads it. The stored
-- `path` has identifiers in names masked, so looking it up by `path` meant running the
-- detectors over every name first; `path_key` is the HMAC-SHA256 (under the index key,
-- first 8 bytes, as `finding.value_key`) of the path as the crawler found it, so an
-- unchanged file is found by a hash. NULL for archive members and document parts (only
-- files on disk are looked up) and for rows written before version 9 (a re-scan that
-- finds such a row unchanged by its path fills it in).

ALTER TABLE file ADD COLUMN path_key INTEGER;

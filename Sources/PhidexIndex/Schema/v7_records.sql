-- Schema version 7: the record a finding belongs to (a line, a CSV row, an HL7
-- message: findings close together in one file), numbered per file. Findings
-- sharing a record describe one person; the individuals estimate links the
-- identifiers of a record into one person. 0 for findings written before.

ALTER TABLE finding ADD COLUMN record INTEGER NOT NULL DEFAULT 0;

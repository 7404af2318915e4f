-- Schema version 3: clinical context per file. ICD-10-CM codes and clinical
-- vocabulary are not identifiers and are never stored as findings; their count
-- is evidence that a file's identifiers are health information (for the risk
-- model).

ALTER TABLE file ADD COLUMN clinical_terms INTEGER NOT NULL DEFAULT 0 CHECK (clinical_terms >= 0);

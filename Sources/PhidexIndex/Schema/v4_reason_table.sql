-- Schema version 4: why-a-rule-fired texts stored once. A scan with a million
-- findings has a few hundred distinct reasons ("AAA-GG-SSSS; area, group and
-- serial issuable; context 'ssn' 2 bytes away"); stored per finding they were a
-- third of the index. Findings written from version 4 on leave `reason` empty
-- and point to the text by `reason_id`; older rows keep their text.

CREATE TABLE reason (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
);

ALTER TABLE finding ADD COLUMN reason_id INTEGER REFERENCES reason (id);

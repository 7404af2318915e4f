-- Schema version 2: the version of every rule a run used. A finding names its
-- rule (finding.rule_id); with its file's run, this table gives the content hash
-- of that rule's definition, so an index knows which version of a rule found
-- what, and a later Phidex can tell which findings a changed rule affects.

CREATE TABLE run_rule (
    run_id       INTEGER NOT NULL REFERENCES scan_run (id),
    rule_id      TEXT NOT NULL,                     -- e.g. 'phi.ssn.1'
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 12),
                                                    -- SHA-256 of the rule's canonical JSON, 12 hex digits
    PRIMARY KEY (run_id, rule_id)
) WITHOUT ROWID;

// `phidex report --format jsonl`: one JSON object per line, for tools. Field
// names and order are documented in docs/output.md and kept stable: a record
// of kind "run", then one "file" record per file (by path), then one "finding"
// record per finding (by path, then offset).

import PhidexCore
public import PhidexIndex

/// JSON Lines records of one run.
public enum JSONLinesReport {
    /// The run, then its files and findings that pass `filter` (all by default).
    public static func write(
        from reader: IndexReader, run: RunRecord, filter: FindingFilter = FindingFilter(), to emit: (String) throws -> Void
    ) throws {
        try emit(runRecord(run))
        try reader.files(run: run.id) { if filter.admits(path: $0.path) { try emit(fileRecord($0)) } }
        try reader.findings(run: run.id, filter: filter) { try emit(findingRecord($0)) }
    }

    public static func runRecord(_ run: RunRecord) -> String {
        var object = JSONObject()
        object.add("record", "run")
        object.add("run_id", run.id)
        object.add("status", run.status)
        object.add("started_at", run.startedAt)
        object.add("finished_at", run.finishedAt)
        object.add("roots", strings: run.roots)
        object.add("ruleset_version", run.rulesetVersion)
        object.add("phidex_version", run.phidexVersion)
        object.add("files_ok", run.totals.filesOK)
        object.add("files_error", run.totals.filesError)
        object.add("files_skipped", run.totals.filesSkipped)
        object.add("bytes_scanned", run.totals.bytesScanned)
        object.add("findings", run.totals.findings)
        return object.rendered
    }

    public static func fileRecord(_ file: FileRecord) -> String {
        var object = JSONObject()
        object.add("record", "file")
        object.add("path", file.path)
        object.add("size", file.size)
        object.add("mtime", Formatting.timestamp(nanoseconds: file.mtimeNanoseconds))
        object.add("mode", Formatting.permissions(file.mode))
        object.add("uid", Int64(file.uid))
        object.add("gid", Int64(file.gid))
        object.add("status", file.status.rawValue)
        object.add("reason", file.reason)
        object.add("bytes_read", file.bytesRead)
        object.add("findings", file.findingCount)
        object.add("risk_score", file.riskScore)
        object.add("risk_tier", file.riskTier.rawValue)
        object.add("risk_explanation", file.riskExplanation)
        object.add("clinical_terms", file.clinicalTerms)
        return object.rendered
    }

    public static func findingRecord(_ record: FindingRecord) -> String {
        let finding = record.finding
        var object = JSONObject()
        object.add("record", "finding")
        object.add("path", record.path)
        object.add("type", finding.type.rawValue)
        object.add("rule_id", finding.rule.rawValue)
        object.add("rule_hash", record.ruleHash)
        object.add("masked", finding.masked)
        object.add("offset", finding.span.offset)
        object.add("length", finding.span.length)
        object.add("line", finding.line)
        object.add("confidence", finding.confidence)
        object.add("value_key", Formatting.valueKey(finding.valueKey))
        object.add("reason", finding.reason)
        if finding.inName { object.add("location", "name") }
        return object.rendered
    }
}

// `phidex report --format csv`: one row per finding, for spreadsheets. Values
// are masked; fields are quoted per RFC 4180 when they need it.

public import PhidexIndex
import PhidexCore

/// Findings of one run as CSV, with their file's status and risk.
public enum CSVReport {
    public static let header = "path,type,rule,line,byte_offset,length,confidence,masked,file_status,file_risk_score,file_risk_tier"

    /// The findings of `run` that pass `filter` (all by default).
    public static func write(
        from reader: IndexReader, run: RunRecord, filter: FindingFilter = FindingFilter(), to emit: (String) throws -> Void
    ) throws {
        var files: [String: FileRecord] = [:]
        try reader.files(run: run.id) { if $0.findingCount > 0 && filter.admits(path: $0.path) { files[$0.path] = $0 } }
        try emit(header)
        try reader.findings(run: run.id, filter: filter) { record in try emit(row(record, file: files[record.path])) }
    }

    /// One finding as a CSV row (file columns empty when `file` is nil).
    public static func row(_ record: FindingRecord, file: FileRecord?) -> String {
        let f = record.finding
        return [
            record.path, f.type.rawValue, f.rule.rawValue, "\(f.line)", "\(f.span.offset)", "\(f.span.length)",
            String(format: "%.2f", f.confidence), f.masked, file?.status.rawValue ?? "", file.map { "\($0.riskScore)" } ?? "",
            file?.riskTier.rawValue ?? "",
        ].map(field).joined(separator: ",")
    }

    /// A field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

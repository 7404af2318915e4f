// The migration gate: does a run pass a policy? A file fails it when its risk
// tier is at or above the threshold (`any`: any finding at all) and it holds a
// finding the team has not accepted. Accepted findings live in a baseline file,
// as gitleaks keeps its: one JSON object per line with the file's path relative
// to the scanned root, the identifier type, the masked preview and the index's
// keyed hash of the value — never the value. A baseline is tied to the index key
// that wrote it (the hash is keyed), so it is kept with that key.

import Foundation
public import PhidexCore
public import PhidexIndex

/// A policy over one run: a threshold and the accepted findings.
public struct PolicyCheck: Sendable {
    /// The lowest tier that fails, or nil for `any` (any finding fails).
    public var threshold: RiskTier?
    public var baseline: Set<BaselineEntry>

    public init(threshold: RiskTier?, baseline: Set<BaselineEntry> = []) {
        self.threshold = threshold
        self.baseline = baseline
    }

    /// One accepted finding.
    public struct BaselineEntry: Hashable, Sendable {
        public var path: String
        public var valueKey: Int64
    }

    /// A file that fails the policy, with its unaccepted findings.
    public struct Offender: Sendable {
        public var file: FileRecord
        public var unaccepted: Int
        public var types: Set<IdentifierType>
    }

    /// The files of `run` that fail the policy, riskiest first; paths in the baseline are relative to `root(path)`.
    public func offenders(in reader: IndexReader, run: Int64, relative: (String) -> String) throws -> [Offender] {
        var files: [Int64: FileRecord] = [:]
        try reader.files(run: run, order: .risk) { file in
            guard file.findingCount > 0, threshold.map({ file.riskTier >= $0 }) ?? true else { return }
            files[file.id] = file
        }
        var unaccepted: [Int64: (count: Int, types: Set<IdentifierType>)] = [:]
        var ids: [String: Int64] = [:]
        for (id, file) in files { ids[file.path] = id }
        try reader.findings(run: run) { record in
            guard let id = ids[record.path],
                !baseline.contains(BaselineEntry(path: relative(record.path), valueKey: record.finding.valueKey))
            else { return }
            unaccepted[id, default: (0, [])].count += 1
            unaccepted[id]!.types.insert(record.finding.type)
        }
        return unaccepted.compactMap { id, tally in files[id].map { Offender(file: $0, unaccepted: tally.count, types: tally.types) } }
            .sorted { ($0.file.riskScore, $1.file.path) > ($1.file.riskScore, $0.file.path) }
    }

    // MARK: Baseline files

    /// Reads a baseline file (JSON Lines; blank lines and `#` comments allowed).
    public static func readBaseline(_ path: String) throws -> Set<BaselineEntry> {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var entries: Set<BaselineEntry> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let file = object["path"] as? String, let key = (object["value_key"] as? String).flatMap({ Int64($0) })
            else { throw BaselineError(message: "\(path):\(number + 1): not a baseline entry (path, value_key)") }
            entries.insert(BaselineEntry(path: file, valueKey: key))
        }
        return entries
    }

    /// Every finding of `run` as a baseline, one line each.
    public static func baselineLines(from reader: IndexReader, run: Int64, relative: (String) -> String, to emit: (String) throws -> Void) throws {
        var seen: Set<BaselineEntry> = []
        try reader.findings(run: run) { record in
            let entry = BaselineEntry(path: relative(record.path), valueKey: record.finding.valueKey)
            guard seen.insert(entry).inserted else { return }
            var object = JSONObject()
            object.add("path", entry.path)
            object.add("type", record.finding.type.rawValue)
            object.add("masked", record.finding.masked)
            object.add("value_key", String(entry.valueKey))
            try emit(object.rendered)
        }
    }

    public struct BaselineError: Error, Sendable { public var message: String }
}

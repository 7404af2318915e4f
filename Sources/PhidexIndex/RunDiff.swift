// What changed between two runs, file by file: the question an auditor asks
// each quarter ("what is new since last time?"). Only changes in PHI are
// listed — a file that gained or lost identifiers, changed risk or types, or
// appeared or disappeared holding some; files without findings on both sides
// are left out.

/// The changes in PHI between an earlier and a later run.
public struct RunDiff: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Held no findings (or did not exist) before, holds some now.
        case gained
        /// Held findings before, holds none now (or is gone).
        case lost
        /// Holds findings in both runs, with a different risk score or set of types.
        case changed
    }

    public struct Change: Sendable, Equatable {
        public var kind: Kind
        public var path: String
        public var before: FileSummary?
        public var after: FileSummary?
    }

    public let earlier: Int64
    public let later: Int64
    public let changes: [Change]

    /// Compares run `earlier` with run `later` of the index `reader` reads.
    public init(_ reader: IndexReader, earlier: Int64, later: Int64) throws(IndexError) {
        let before = try reader.fileSummaries(run: earlier)
        let after = try reader.fileSummaries(run: later)
        var changes: [Change] = []
        for path in Set(before.keys).union(after.keys) {
            let old = before[path], new = after[path]
            let had = (old?.findings ?? 0) > 0, has = (new?.findings ?? 0) > 0
            let kind: Kind
            if !had && has {
                kind = .gained
            } else if had && !has {
                kind = .lost
            } else if had && has && (old!.riskScore != new!.riskScore || old!.types != new!.types) {
                kind = .changed
            } else {
                continue
            }
            changes.append(Change(kind: kind, path: path, before: old, after: new))
        }
        self.earlier = earlier
        self.later = later
        self.changes = changes.sorted { ($0.kind.rawValue, $0.path) < ($1.kind.rawValue, $1.path) }
    }
}

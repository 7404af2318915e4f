// What the scan pipeline hands the index for one file.

/// One file's (or archive member's) result: its entry, status, reason, findings, risk and bytes read.
public struct FileOutcome: Sendable {
    public var entry: FileEntry
    public var status: FileStatus
    /// Why a file is `error` or `skipped` (e.g. `permission denied`); nil when `ok`.
    public var reason: String?
    public var findings: [Finding]
    public var risk: RiskScore
    public var bytesRead: Int64
    /// Clinical terms seen (ICD-10-CM codes, clinical vocabulary): evidence, not findings.
    public var clinicalTerms: Int
    /// Archive levels above it: 0 for a file on disk, 1 for a member of an archive on disk, …
    public var depth: Int
    /// Findings of content still being read (a 2 GB export yields millions): handed on in batches
    /// so memory stays flat. Only `entry.path` and `findings` count; a later outcome for the same
    /// path, not partial, completes the file with its status, risk and totals.
    public var isPartial = false
    /// The index row of an earlier run this unchanged file's rows are copied from (an incremental
    /// scan did not read it); its members and findings come with it.
    public var carriedFrom: Int64?
    /// The logical path of a file read earlier in the same run whose content this file's equals: it
    /// was not read; its rows and findings are copies of that file's, under its own path.
    public var copyOf: String?
    /// The keyed hash of a file's path on disk, when the worker computed it (it looks files up by
    /// it); the writer stores it with the file's row. Nil for members.
    public var pathKey: Int64?

    public init(
        entry: FileEntry, status: FileStatus, reason: String? = nil, findings: [Finding] = [],
        risk: RiskScore = .zero, bytesRead: Int64 = 0, clinicalTerms: Int = 0, depth: Int = 0
    ) {
        self.entry = entry
        self.status = status
        self.reason = reason
        self.findings = findings
        self.risk = risk
        self.bytesRead = bytesRead
        self.clinicalTerms = clinicalTerms
        self.depth = depth
    }
}

extension FileOutcome {
    /// An unchanged file whose rows are copied from row `source` of an earlier run.
    public static func carried(_ entry: FileEntry, from source: Int64) -> FileOutcome {
        var outcome = FileOutcome(entry: entry, status: .ok)
        outcome.carriedFrom = source
        return outcome
    }

    /// A file whose content equals that of `source`, read earlier in the run.
    public static func copy(_ entry: FileEntry, of source: String) -> FileOutcome {
        var outcome = FileOutcome(entry: entry, status: .ok)
        outcome.copyOf = source
        return outcome
    }

    /// A batch of findings of `path`, whose reading goes on.
    public static func partial(_ entry: FileEntry, findings: [Finding], depth: Int) -> FileOutcome {
        var outcome = FileOutcome(entry: entry, status: .ok, findings: findings, depth: depth)
        outcome.isPartial = true
        return outcome
    }
}

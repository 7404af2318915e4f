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

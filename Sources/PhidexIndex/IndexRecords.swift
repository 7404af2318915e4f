// What the index answers with: runs, files and findings as stored.

public import PhidexCore

/// One scan run.
public struct RunRecord: Sendable, Equatable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var status: String
    public var roots: [String]
    public var rulesetVersion: String
    public var phidexVersion: String
    public var totals: RunTotals
}

/// One file of a run.
public struct FileRecord: Sendable, Equatable {
    public var id: Int64
    public var path: String
    public var size: Int64
    public var mtimeNanoseconds: Int64
    public var uid: UInt32
    public var gid: UInt32
    public var mode: UInt32
    public var status: FileStatus
    public var reason: String?
    public var bytesRead: Int64
    public var findingCount: Int
    public var riskScore: Int
    public var riskTier: RiskTier
    public var riskExplanation: String
    /// Clinical terms seen in the file (evidence for the risk model, not findings).
    public var clinicalTerms: Int = 0
}

/// One finding with the path of its file.
public struct FindingRecord: Sendable, Equatable {
    public var path: String
    public var finding: Finding
    /// Content hash of the rule version that found it (nil for runs before schema 2).
    public var ruleHash: String? = nil
    /// The file's row in the index (what the console links by).
    public var fileID: Int64 = 0
}

/// Findings of one identifier type in a run.
public struct TypeTally: Sendable, Equatable {
    public var type: IdentifierType
    public var findings: Int
    /// Distinct value keys: distinct values, up to 64-bit key collisions.
    public var distinctValues: Int
    public var files: Int
}

/// What to look for in `IndexReader.findings(_:)`; every field narrows.
public struct FindingFilter: Sendable {
    public var valueKey: Int64?
    public var types: [IdentifierType] = []
    /// A normalized absolute folder (or file) path.
    public var under: String?
    public var minimumConfidence: Double?
    /// Any of these values (a list: a roster, the people named in a breach notice).
    public var valueKeys: [Int64] = []
    /// Only files whose risk tier is one of these.
    public var tiers: [RiskTier] = []
    /// Only files owned by this user id.
    public var owner: UInt32?
    /// Only files anyone may read (the "other" read bit).
    public var worldReadable = false
    /// Only files modified at or after / before these times (nanoseconds since the epoch).
    public var modifiedAfter: Int64?
    public var modifiedBefore: Int64?

    /// Only the findings of this file (its own, not its members').
    public var fileID: Int64?
    /// A page of the findings: at most `limit`, after skipping `offset`.
    public var limit: Int?
    public var offset = 0

    /// Whether a file's path lies within `under` (the file itself, below the folder, or a member
    /// of the archive); every path when `under` is nil or `/`.
    public func admits(path: String) -> Bool {
        guard let under, under != "/" else { return true }
        return path == under || path.hasPrefix(under + "/") || path.hasPrefix(under + "!")
    }

    public init(valueKey: Int64? = nil, types: [IdentifierType] = [], under: String? = nil, minimumConfidence: Double? = nil) {
        self.valueKey = valueKey
        self.types = types
        self.under = under
        self.minimumConfidence = minimumConfidence
    }
}

/// What one run recorded of one file, for comparing runs.
public struct FileSummary: Sendable, Equatable {
    public var findings: Int
    public var riskScore: Int
    public var riskTier: RiskTier
    public var types: Set<IdentifierType>
}

/// A file that shares identifier values with another.
public struct LinkedFile: Sendable, Equatable {
    /// The file's row in the index (what the console links by).
    public var id: Int64 = 0
    public var path: String
    /// Distinct values both files hold.
    public var sharedValues: Int
    public var types: [IdentifierType]
    public var riskScore: Int
}


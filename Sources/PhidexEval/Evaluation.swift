// The result of comparing an index with a corpus's truth manifest. Counts are over
// distinct (logical path, identifier type, value): a value written three times in
// one file is one planted identifier, and finding it once finds it.

/// Accuracy of one scan against a generated corpus.
public struct Evaluation: Sendable, Encodable {
    /// Precision and recall for one identifier type.
    public struct TypeScore: Sendable, Encodable {
        public var type: String
        /// Distinct planted values a scanner can reach (not encrypted, not beyond a limit).
        public var planted: Int
        public var found: Int
        /// Findings at a decoy.
        public var decoyHits: Int
        /// Findings that are neither planted nor a decoy.
        public var unexpected: Int
        /// Findings of a planted value reported on its archive or mailbox instead of the member
        /// holding it: right value, inexact path. Neither found nor a false positive.
        public var atContainer: Int
        public var falsePositives: Int { decoyHits + unexpected }
        public var precision: Double? { ratio(found, found + falsePositives) }
        public var recall: Double? { ratio(found, planted) }
        public var f1: Double? {
            guard let p = precision, let r = recall, p + r > 0 else { return nil }
            return 2 * p * r / (p + r)
        }

        enum CodingKeys: String, CodingKey {
            case type, planted, found, decoyHits, unexpected, atContainer, falsePositives, precision, recall, f1
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type, forKey: .type)
            try c.encode(planted, forKey: .planted)
            try c.encode(found, forKey: .found)
            try c.encode(decoyHits, forKey: .decoyHits)
            try c.encode(unexpected, forKey: .unexpected)
            try c.encode(atContainer, forKey: .atContainer)
            try c.encode(falsePositives, forKey: .falsePositives)
            try c.encode(precision, forKey: .precision)
            try c.encode(recall, forKey: .recall)
            try c.encode(f1, forKey: .f1)
        }
    }

    /// Recall over the planted identifiers of one group (a format, or a container chain).
    public struct GroupRecall: Sendable, Encodable {
        public var group: String
        public var files: Int
        public var planted: Int
        public var found: Int
        /// The SSN family alone (ssn, itin), the types Phidex detected first.
        public var taxIDPlanted: Int
        public var taxIDFound: Int
        public var recall: Double? { ratio(found, planted) }
        public var taxIDRecall: Double? { ratio(taxIDFound, taxIDPlanted) }
    }

    /// How often one kind of decoy was reported.
    public struct DecoyScore: Sendable, Encodable {
        public var kind: String
        public var imitates: String
        public var planted: Int
        public var hits: Int
        /// The reported types of the hits (`ssn_never_issued` …).
        public var reportedAs: [String]
    }

    /// Files and members the scan never reached, grouped by the outermost file it did reach.
    public struct Unreached: Sendable, Encodable {
        public var path: String
        public var format: String
        public var status: String
        public var reason: String
        public var membersNotReached: Int
        public var plantsInside: Int
    }

    /// A case with an expected outcome (`encrypted`, `limit`) and what the index says.
    public struct Expectation: Sendable, Encodable {
        public var path: String
        public var expected: String
        public var observed: String
        public var met: Bool
    }

    /// A finding nobody planted: for a person to look at (masked, like every report).
    public struct UnexpectedFinding: Sendable, Encodable {
        public var path: String
        public var line: Int64
        public var type: String
        public var masked: String
        public var confidence: Double
        public var rule: String
    }

    /// A planted identifier the scan missed in a loose file, for a type the scanner does
    /// detect, in a format it does read: a detector gap rather than a format gap. Masked.
    public struct MissedPlant: Sendable, Encodable {
        public var path: String
        public var type: String
        public var format: String
        public var masked: String
    }

    public var seed: UInt64
    public var scale: Int
    public var run: Int64
    public var root: String
    public var minimumConfidence: Double
    public var manifestFiles: Int
    public var indexedFiles: Int
    public var findings: Int
    public var types: [TypeScore]
    public var formats: [GroupRecall]
    public var containers: [GroupRecall]
    public var decoys: [DecoyScore]
    public var unreached: [Unreached]
    public var errors: [Unreached]
    public var expectations: [Expectation]
    /// Planted identifiers left out of recall because a correct scanner cannot read them.
    public var plantsBehindExpectations: Int
    public var unexpectedFindings: [UnexpectedFinding]
    public var missedInLooseFiles: [MissedPlant]

    /// The score of `type`, if it was planted or reported.
    public func score(_ type: String) -> TypeScore? { types.first { $0.type == type } }
}

func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

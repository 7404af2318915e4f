// A detection rule as data: what it finds, how sure it is, what context moves
// it, how much it weighs in a file's risk, and the examples that prove it.
// Rules live in `Rules/*.json` beside this file and are compiled into the
// binary; `docs/detectors.md` is generated from them.

public import PhidexCore

/// One rule of the catalogue, decoded from `Rules/*.json`.
public struct Rule: Sendable, Hashable, Codable {
    public struct Context: Sendable, Hashable, Codable {
        /// Words that make the match more likely to be this identifier (`ssn`, `social security`).
        public var positive: [String]
        /// Words that make it likely to be something else (`phone`, `routing`, `invoice`).
        public var negative: [String]
    }

    public var id: RuleID
    public var name: String
    public var type: IdentifierType
    public var description: String
    /// The confidence of the rule's strongest shape before context (0...1).
    public var confidence: Double
    /// Points one distinct value of this rule adds to a file's risk (before scaling).
    public var riskWeight: Double
    public var context: Context
    public var references: [String]
    /// Texts in which the rule must find at least one match.
    public var examples: [String]
    /// Texts in which the rule must find nothing.
    public var negativeExamples: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, type, description, confidence, context, references, examples
        case riskWeight = "risk_weight"
        case negativeExamples = "negative_examples"
    }
}

/// The contents of one rule file: the detector that implements its rules, and the rules.
struct RuleFile: Codable {
    var detector: String
    var rules: [Rule]
}

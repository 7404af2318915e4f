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

    /// Byte-scanner rules: the shapes the scanner looks for, for people (`AAA-GG-SSSS`).
    public var shape: String?
    /// The check a candidate must pass, by name; a detector refuses a rule naming a check it
    /// does not implement.
    public var validator: String?

    // Pattern-detector rules only (Rules/patterns.json); empty elsewhere.

    /// Vectorscan expressions for labels (`MRN`, `member ID`); the value follows after
    /// separators (`:`, `#`, `=`, quotes, spaces) and filler words (`no`, `number`, `value`).
    public var labels: [String]
    /// Vectorscan expressions whose match ends where the value starts (FHIR's `"code": "MR" …
    /// "value": "`), for structure a label cannot express.
    public var prefixes: [String]
    /// Table column and record key names (lowercased, `_` for separators) holding this identifier.
    public var columns: [String]
    /// How the value after a label or in a column is read: `token` (letters and digits with at
    /// least one digit), `date`.
    public var value: String?

    enum CodingKeys: String, CodingKey {
        case id, name, type, description, confidence, context, references, examples
        case riskWeight = "risk_weight"
        case negativeExamples = "negative_examples"
        case labels, prefixes, columns, value, shape, validator
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(RuleID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(IdentifierType.self, forKey: .type)
        description = try c.decode(String.self, forKey: .description)
        confidence = try c.decode(Double.self, forKey: .confidence)
        riskWeight = try c.decode(Double.self, forKey: .riskWeight)
        context = try c.decode(Context.self, forKey: .context)
        references = try c.decode([String].self, forKey: .references)
        examples = try c.decode([String].self, forKey: .examples)
        negativeExamples = try c.decode([String].self, forKey: .negativeExamples)
        labels = try c.decodeIfPresent([String].self, forKey: .labels) ?? []
        prefixes = try c.decodeIfPresent([String].self, forKey: .prefixes) ?? []
        columns = try c.decodeIfPresent([String].self, forKey: .columns) ?? []
        value = try c.decodeIfPresent(String.self, forKey: .value)
        shape = try c.decodeIfPresent(String.self, forKey: .shape)
        validator = try c.decodeIfPresent(String.self, forKey: .validator)
    }
}

/// The contents of one rule file: the detector that implements its rules, and the rules.
struct RuleFile: Codable {
    var detector: String
    var rules: [Rule]
}

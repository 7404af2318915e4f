// One line of a corpus's truth manifest (truth.jsonl). The manifest lives next to
// the share, never inside it: it holds every planted value in clear text.

/// A fact about the generated share: a file, a planted identifier, a decoy, or an
/// expected outcome (`encrypted`, `limit`) the scanner must report.
public struct TruthEntry: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// A file or archive member the share holds.
        case file
        /// An identifier a scanner must find.
        case plant
        /// A lookalike a scanner must not report.
        case decoy
    }

    public var kind: Kind
    /// Logical path relative to the share root; `!` separates archive members.
    public var path: String
    /// Innermost kind of the file holding the value: `csv`, `note`, `hl7`, `zip`, …
    public var format: String
    /// Containers from the outside in (`zip>tar.gz`), or `loose`.
    public var container: String
    /// Plant: the identifier type. Decoy: the type it imitates.
    public var type: String?
    /// The value exactly as written.
    public var value: String?
    /// Decoy: what it really is (`zip+4`, `routing`, `never-issued-ssn`, …).
    public var decoy: String?
    /// Plant: the synthetic person it belongs to (nil for providers).
    public var person: Int?
    /// Set when a correct scanner cannot read the value: `encrypted` or `limit`. Such plants
    /// are left out of recall and listed with the expected status instead.
    public var expect: String?

    public init(
        kind: Kind, path: String, format: String, container: String = "", type: String? = nil,
        value: String? = nil, decoy: String? = nil, person: Int? = nil, expect: String? = nil
    ) {
        self.kind = kind; self.path = path; self.format = format; self.container = container
        self.type = type; self.value = value; self.decoy = decoy; self.person = person; self.expect = expect
    }

    /// This entry as seen from outside a container of kind `containerFormat` holding it as `member`.
    func nested(in member: String, of containerFormat: String, expect: String?) -> TruthEntry {
        var copy = self
        copy.path = "!" + member + path
        copy.container = container.isEmpty ? containerFormat : containerFormat + ">" + container
        if copy.expect == nil { copy.expect = expect }
        return copy
    }
}

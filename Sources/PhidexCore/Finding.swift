// A finding as it leaves the pipeline for the index: everything an auditor needs
// to locate and judge it, and nothing that reveals the value itself.

/// One identifier found in one file, safe to store: a masked preview and a keyed hash, never the value.
public struct Finding: Hashable, Sendable {
    public var rule: RuleID
    public var type: IdentifierType
    public var span: ByteSpan
    /// 1-based line number of the first byte of the match.
    public var line: Int64
    /// 0...1: how sure the rule is, after validation and context.
    public var confidence: Double
    /// A preview with all but the last characters masked, e.g. `***-**-7788`.
    public var masked: String
    /// HMAC-SHA256 of the normalized value under the index's secret key, first 8 bytes.
    public var valueKey: Int64
    /// Why the rule fired (shape, checks passed, context seen), never quoting the value.
    public var reason: String
    /// The record of its file the finding belongs to (a line, a CSV row, an HL7 message, findings a
    /// few bytes apart): findings sharing it describe one person. 0 when unknown.
    public var record: Int64 = 0
    /// Found in the file's name (its path or a member's name), not its content: `span` is then where
    /// the masked identifier is in the path as stored.
    public var inName = false

    public init(
        rule: RuleID, type: IdentifierType, span: ByteSpan, line: Int64, confidence: Double, masked: String,
        valueKey: Int64, reason: String
    ) {
        self.rule = rule
        self.type = type
        self.span = span
        self.line = line
        self.confidence = confidence
        self.masked = masked
        self.valueKey = valueKey
        self.reason = reason
    }
}

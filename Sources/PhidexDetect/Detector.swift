// The narrow interface every detector implements: bytes in, matches out.
// A detector sees a window of bytes and nothing else (no paths, no files, no
// index), so each one can be tested on a plain string.

public import PhidexCore

/// A candidate identifier a detector found and validated.
///
/// It carries the normalized value in memory so the pipeline can count distinct
/// values and compute the keyed hash; the value never goes further than that.
public struct Match: Sendable, Hashable {
    public var rule: RuleID
    public var type: IdentifierType
    /// Start and length; relative to the window a detector was given, global once the
    /// `StreamScanner` hands it on.
    public var span: ByteSpan
    public var confidence: Double
    /// Why it matched: shape, checks passed, context. Never quotes the value.
    public var reason: String
    /// The canonical value, namespaced (`tin:078051123`); kept in memory only.
    public var normalized: String
    /// The preview that may be shown and stored (`***-**-1123`).
    public var masked: String
    /// 1-based line of the first byte; set by the `StreamScanner`.
    public var line: Int64 = 0
    /// Where the record the match belongs to starts, when the format says (an HL7 message's MSH
    /// segment): matches with the same anchor describe one person. Window-relative in a detector,
    /// a stream offset once the `StreamScanner` hands it on.
    public var recordAnchor: Int64?
    /// A bare shape with nothing around it saying what it is (nine bare digits without a label,
    /// a column or structure): a low-confidence candidate. In a structured record (HL7, JSON,
    /// XML) structure says where identifiers are, and such a candidate is not reported.
    public var withoutContext = false

    public init(
        rule: RuleID, type: IdentifierType, span: ByteSpan, confidence: Double, reason: String, normalized: String,
        masked: String
    ) {
        self.rule = rule
        self.type = type
        self.span = span
        self.confidence = confidence
        self.reason = reason
        self.normalized = normalized
        self.masked = masked
    }
}

/// What a detector may know about the stream beyond its window's bytes.
public struct StreamContext {
    /// Stream offset of the window's first byte.
    public var windowStart: Int64
    /// The header of a delimited text stream, once its first line is known.
    public var table: TableHeader?
    /// Rows with known columns in or before the window (SQL dumps, rendered document tables).
    public var rows: TableRowsIndex?
    /// Per-task scratch state (Vectorscan scratch, reused arrays), owned by the task's
    /// `StreamScanner`; nil means a detector allocates its own.
    public var workspace: DetectorWorkspace?

    public init(windowStart: Int64 = 0, table: TableHeader? = nil, rows: TableRowsIndex? = nil, workspace: DetectorWorkspace? = nil) {
        self.windowStart = windowStart
        self.table = table
        self.rows = rows
        self.workspace = workspace
    }

    /// The name of the table column holding `position` of `window`, if known: a CSV/TSV header's,
    /// or that of an SQL dump's table.
    public func column(at position: Int, in window: UnsafeRawBufferPointer) -> String? {
        table?.column(at: position, in: window, windowStart: windowStart)
            ?? rows?.column(at: position, in: window, windowStart: windowStart)
    }

    /// What a column's name says it holds, by its words (`soc_sec_no`, `Order #`); nil when
    /// its words say nothing known or no vocabulary is at hand.
    public func kind(ofColumn name: String) -> FieldKind? {
        workspace?.kind(ofColumn: name)
    }
}

/// Finds identifiers in a window of bytes.
public protocol Detector: Sendable {
    /// The rules this detector reports under.
    var rules: [Rule] { get }
    /// How far, in bytes, the detector looks on either side of a match's first byte (its own
    /// length, boundary checks and context included). The `StreamScanner` keeps at least this
    /// much overlap between windows, which is what makes chunked and whole scans agree.
    var reach: Int { get }
    /// Appends every match found in `window`; spans are relative to `window`.
    func detect(in window: UnsafeRawBufferPointer, context: StreamContext, into matches: inout [Match])
}

/// Mutable state one scanning task reuses across windows: never shared between tasks.
public final class DetectorWorkspace {
    /// Vectorscan scratch for the engine's pattern set, if it has one.
    let patternScratch: PatternScratch?
    /// Pattern hits of the current window (capacity kept).
    var hits: [PatternHit] = []

    /// The field vocabulary, and what it said of column names seen so far.
    private let vocabulary: FieldVocabulary?
    private var columnKinds: [String: FieldKind?] = [:]

    init(patterns: PatternSet?, vocabulary: FieldVocabulary? = nil) {
        patternScratch = patterns?.makeScratch()
        self.vocabulary = vocabulary
    }

    /// The pattern detector's column roles per header, computed once per distinct header.
    var columnRoles: [[String]: [Int: PatternDetector.ColumnRole]] = [:]

    func kind(ofColumn name: String) -> FieldKind? {
        if let known = columnKinds[name] { return known }
        let kind = vocabulary?.classify(name)
        if columnKinds.count < 4096 { columnKinds[name] = kind }
        return kind
    }
}

/// Refuses rules whose `validator` is not the check `detector` implements for their type: the
/// rule files name the check, the code implements it, and the two may not drift apart.
func requireValidators(_ rules: [Rule], _ implemented: [IdentifierType: String], detector: String) throws {
    for rule in rules {
        guard let expected = implemented[rule.type] else {
            throw CatalogueError(message: "\(rule.id): the \(detector) detector has no check for type \(rule.type)")
        }
        guard rule.validator == expected else {
            throw CatalogueError(
                message: "\(rule.id): the \(detector) detector checks \(rule.type) with '\(expected)', the rule names '\(rule.validator ?? "none")'")
        }
    }
}

/// What a byte scanner needs of a rule on its hot path, behind one reference: a `Rule`
/// copied per candidate (it holds a dozen strings and arrays) cost more than the check.
final class RuleEntry: Sendable {
    let id: RuleID
    let type: IdentifierType
    let confidence: Double
    let context: ContextWords

    init(_ rule: Rule) {
        id = rule.id
        type = rule.type
        confidence = rule.confidence
        context = ContextWords(rule.context)
    }
}

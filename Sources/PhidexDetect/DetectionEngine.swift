// The compiled set of detectors, shared read-only by every scan task.

import PhidexCore

/// All detectors built from a rule catalogue. Immutable and `Sendable`: build once per scan.
public struct DetectionEngine: Sendable {
    /// Detector names a rule file may name.
    static let detectorNames: Set<String> = ["ssn", "number", "alphanumeric", "pattern"]

    public let catalogue: RuleCatalogue
    public let detectors: [any Detector]
    /// The largest reach of any detector: the overlap a `StreamScanner` keeps between windows.
    public let reach: Int
    /// The Vectorscan database of the pattern detector, for per-task scratch space.
    let patternSet: PatternSet?
    /// The structure readers' policy and typed-value reader.
    let structure: StructureKit

    public init(catalogue: RuleCatalogue = .builtIn, policy: StructurePolicy = .builtIn) throws {
        var detectors: [any Detector] = []
        var ssn: SSNDetector?, number: NumberDetector?, alphanumeric: AlphanumericDetector?
        for (name, rules) in catalogue.rulesByDetector.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "ssn": ssn = try SSNDetector(rules: rules)
            case "number": number = try NumberDetector(rules: rules)
            case "alphanumeric": alphanumeric = try AlphanumericDetector(rules: rules)
            case "pattern": detectors.append(try PatternDetector(rules: rules, policy: policy))
            default: throw CatalogueError(message: "rule file names unknown detector '\(name)'")
            }
        }
        // The byte scanners share one pass over the digit runs.
        if ssn != nil || number != nil || alphanumeric != nil {
            detectors.insert(DigitDetector(ssn: ssn, number: number, alphanumeric: alphanumeric), at: 0)
        }
        self.catalogue = catalogue
        self.structure = StructureKit(policy: policy, values: FieldValues(catalogue: catalogue, policy: policy))
        self.detectors = detectors
        self.patternSet = detectors.lazy.compactMap { ($0 as? PatternDetector)?.patterns }.first
        self.reach = detectors.map(\.reach).max() ?? 0
    }

    /// Every match in `bytes`, scanned as one whole stream (for tests, `rules check` and short texts).
    public func matches(in bytes: some Collection<UInt8>) -> [Match] {
        let scanner = StreamScanner(engine: self, chunkSize: max(1, bytes.count))
        var found: [Match] = []
        Array(bytes).withUnsafeBytes { scanner.feed($0, into: &found) }
        scanner.finish(into: &found)
        return found
    }

    /// Per-task state for scanning with this engine.
    public func makeWorkspace() -> DetectorWorkspace { DetectorWorkspace(patterns: patternSet, vocabulary: structure.policy.vocabulary) }

    /// Every match in `text` (UTF-8).
    public func matches(in text: String) -> [Match] { matches(in: Array(text.utf8)) }
}

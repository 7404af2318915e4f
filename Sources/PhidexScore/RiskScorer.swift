// Risk v1: one file's matches in, a 0–100 score with its explanation out.
//
// For each identifier type: weight × confidence × (1 + log2(distinct values)),
// summed and capped at 100. A file with 40,000 distinct SSNs outranks a file
// with one, without one huge export drowning everything else at 100. The
// weight comes from the rule (`risk_weight` in Rules/*.json); the confidence
// is the mean over that type's matches, so a column of weak bare numbers counts
// for less than labelled ones. A pure function: the same matches give the same
// score whatever the scan order or concurrency. The full model (co-occurrence,
// clinical context, exposure) is a later issue.

import Foundation
public import PhidexCore
public import PhidexDetect

/// Scores one file's matches against the weights of a rule catalogue.
public struct RiskScorer: Sendable {
    private let weights: [RuleID: Double]

    public init(catalogue: RuleCatalogue, model: RiskModel = .builtIn) {
        self.model = model
        self.strong = model.strongTypes
        self.personal = model.personalTypes
        var weights: [RuleID: Double] = [:]
        for rule in catalogue.rules { weights[rule.id] = rule.riskWeight }
        self.weights = weights
    }

    public let model: RiskModel
    /// The model's strong and personal types, built once (every file's matches are checked against them).
    private let strong: Set<IdentifierType>
    private let personal: Set<IdentifierType>
    /// Lines between two findings of one record, at most.
    static let recordLineGap: Int64 = 3

    public func score(_ matches: [Match], mode: UInt32 = 0o600, clinicalTerms: Int = 0) -> RiskScore {
        var tally = RiskTally()
        _ = add(matches, to: &tally)
        return score(tally, mode: mode, clinicalTerms: clinicalTerms)
    }

    /// Counts `matches` (in stream order) into `tally` and returns each one's record number: a file
    /// read in batches is scored from its tally at the end. A record is a run of nearby lines that
    /// names each kind of identifier once: a CSV row (the next row repeats its types), a note's or
    /// a DICOM header's labelled lines, a log line. A record that holds a strong identifier and a
    /// name or date of birth is a patient record.
    public func add(_ matches: [Match], to tally: inout RiskTally) -> [Int64] {
        var records: [Int64] = []
        records.reserveCapacity(matches.count)
        // By index, reading fields in place: a copy of each match (four strings) cost a retain and a
        // release of each, for every finding of a scan.
        for index in matches.indices {
            let line = matches[index].line, type = matches[index].type, anchor = matches[index].recordAnchor
            // A new record: a new line that repeats a kind already in the record or comes after a
            // gap; or, on one line (an HL7 batch is one line of CR-separated segments), a strong
            // identifier the record already has.
            let newLine = line != tally.line
            let newAnchor = anchor != nil && anchor != tally.anchor
            if newAnchor
                || newLine && (line - tally.line > Self.recordLineGap || tally.recordTypes.contains(type))
                || !newLine && anchor == nil && strong.contains(type) && tally.recordTypes.contains(type)
            {
                tally.closeRecord()
                tally.record += 1
            }
            tally.line = line
            if let anchor { tally.anchor = anchor }
            tally.recordTypes.insert(type)
            records.append(tally.record)
            if strong.contains(type) { tally.recordHasStrong = true }
            if personal.contains(type) { tally.recordHasPersonal = true }
            // Mutated in place: copying a tally out and back would copy its set every time.
            let weight = weights[matches[index].rule] ?? 0
            let confidence = matches[index].confidence
            modify(&tally.byType[type, default: RiskTally.TypeTally()]) { tally in
                if tally.values.count < RiskTally.distinctLimit { tally.values.insert(matches[index].normalized.hashValue) }
                tally.count += 1
                tally.confidenceSum += confidence
                tally.weight = max(tally.weight, weight)
            }
        }
        return records
    }

    /// The score of a tally, for a file with permission bits `mode` that showed `clinicalTerms`.
    public func score(_ tally: RiskTally, mode: UInt32, clinicalTerms: Int) -> RiskScore {
        var tally = tally
        tally.closeRecord()
        var factors: [RiskFactor] = []
        for (type, tally) in tally.byType.sorted(by: { $0.key < $1.key }) {
            let distinct = tally.values.count
            let confidence = tally.confidenceSum / Double(tally.count)
            let points = tally.weight * confidence * (1 + log2(Double(distinct)))
            let over = distinct >= RiskTally.distinctLimit ? "over " : ""
            let label = "\(over)\(distinct) distinct \(type) × weight \(Int(tally.weight)) × confidence "
                + Self.twoDecimals(confidence) + (distinct > 1 ? " × (1 + log2 \(distinct))" : "")
            factors.append(RiskFactor(label: label, points: points))
        }
        if tally.patientRecords > 0 {
            let n = tally.patientRecords
            factors.append(RiskFactor(
                label: "\(n) record\(n == 1 ? "" : "s") \(model.record.label) × \(Int(model.record.points))"
                    + (n > 1 ? " × (1 + log2 \(n))" : ""),
                points: model.record.points * (1 + log2(Double(n)))))
        }
        factors.sort { $0.points > $1.points }
        let base = factors.reduce(0) { $0 + $1.points }
        var total = base
        if base > 0 && clinicalTerms > 0 {
            let added = total * (model.clinical.multiplier - 1)
            factors.append(RiskFactor(label: "× \(model.clinical.multiplier) for \(model.clinical.label)", points: added))
            total += added
        }
        if base > 0 {
            let multiplier = mode & 0o004 != 0 ? model.exposure.worldReadable : mode & 0o040 != 0 ? model.exposure.groupReadable : 1
            if multiplier != 1 {
                let label = mode & 0o004 != 0 ? model.exposure.labelWorld : model.exposure.labelGroup
                let added = total * (multiplier - 1)
                factors.append(RiskFactor(label: "× \(multiplier): \(label)", points: added))
                total += added
            }
        }
        return RiskScore(score: Int(total.rounded()), factors: factors)
    }

    /// `value` with two decimals, as `String(format: "%.2f")` writes it, without Foundation's
    /// formatter (once per type of every file with findings). A value near a tie at the third
    /// decimal, where binary rounding decides, is left to the formatter.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = value * 100
        let fraction = hundredths - hundredths.rounded(.down)
        guard value >= 0, value < 1e6, abs(fraction - 0.5) > 1e-6 else { return String(format: "%.2f", value) }
        let cents = Int(hundredths.rounded())
        let units = String(cents / 100), rest = cents % 100
        return units + (rest < 10 ? ".0" : ".") + String(rest)
    }
}

/// Running counts for one file's score, so findings can go to the index in batches while it is read.
public struct RiskTally: Sendable {
    struct TypeTally: Sendable {
        /// Hashes of distinct normalized values, up to `distinctLimit`.
        var values: Set<Int> = []
        var count = 0
        var confidenceSum = 0.0
        var weight = 0.0
    }

    /// Distinct values counted per type; past it the score stops growing (log2 of a million is 20).
    public static let distinctLimit = 1_000_000

    var byType: [IdentifierType: TypeTally] = [:]
    /// The current record (line) and what it holds so far.
    var line: Int64 = -1
    var record: Int64 = 1  // 0 means "unknown" in the index
    var recordHasStrong = false
    var recordHasPersonal = false
    var recordTypes: Set<IdentifierType> = []
    /// The current record's format anchor (an HL7 message's start), if any.
    var anchor: Int64?
    /// Records that tie a strong identifier to a name or date of birth.
    var patientRecords = 0

    public init() {}

    mutating func closeRecord() {
        if recordHasStrong && recordHasPersonal { patientRecords += 1 }
        recordHasStrong = false
        recordHasPersonal = false
        recordTypes.removeAll(keepingCapacity: true)
    }
}

private func modify<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }

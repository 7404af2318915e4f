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

    public init(catalogue: RuleCatalogue) {
        var weights: [RuleID: Double] = [:]
        for rule in catalogue.rules { weights[rule.id] = rule.riskWeight }
        self.weights = weights
    }

    public func score(_ matches: [Match]) -> RiskScore {
        var tally = RiskTally()
        add(matches, to: &tally)
        return score(tally)
    }

    /// Counts `matches` into `tally`: a file read in batches is scored from its tally at the end.
    public func add(_ matches: [Match], to tally: inout RiskTally) {
        for match in matches {
            // Mutated in place: copying a tally out and back would copy its set every time.
            let weight = weights[match.rule] ?? 0
            modify(&tally.byType[match.type, default: RiskTally.TypeTally()]) { tally in
                if tally.values.count < RiskTally.distinctLimit { tally.values.insert(match.normalized.hashValue) }
                tally.count += 1
                tally.confidenceSum += match.confidence
                tally.weight = max(tally.weight, weight)
            }
        }
    }

    public func score(_ tally: RiskTally) -> RiskScore {
        var factors: [RiskFactor] = []
        for (type, tally) in tally.byType.sorted(by: { $0.key < $1.key }) {
            let distinct = tally.values.count
            let confidence = tally.confidenceSum / Double(tally.count)
            let points = tally.weight * confidence * (1 + log2(Double(distinct)))
            let over = distinct >= RiskTally.distinctLimit ? "over " : ""
            let label = "\(over)\(distinct) distinct \(type) × weight \(Int(tally.weight)) × confidence "
                + String(format: "%.2f", confidence) + (distinct > 1 ? " × (1 + log2 \(distinct))" : "")
            factors.append(RiskFactor(label: label, points: points))
        }
        factors.sort { $0.points > $1.points }
        let total = factors.reduce(0) { $0 + $1.points }
        return RiskScore(score: Int(total.rounded()), factors: factors)
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

    public init() {}
}

private func modify<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }

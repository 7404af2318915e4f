// A file's stored risk explanation (`label = points; …`, as RiskScore writes it) read back
// into its factors, and printed one factor per line with the points aligned: how `explain`,
// the text report and the console show why a file is risky.

import Foundation

/// The factors of one file's risk explanation.
public struct RiskFactorLines: Sendable, Equatable {
    public struct Factor: Sendable, Equatable {
        public var label: String
        /// The points as stored (rounded), or nil for a factor written without them.
        public var points: Int?
    }

    public let factors: [Factor]

    /// Reads `explanation`; an empty one has no factors.
    public init(_ explanation: String) {
        factors = explanation.split(separator: ";").compactMap { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            if let equals = text.range(of: " = ", options: .backwards), let points = Int(text[equals.upperBound...]) {
                return Factor(label: String(text[..<equals.lowerBound]), points: points)
            }
            return Factor(label: text, points: nil)
        }
    }

    /// One line per factor, `indent` spaces in: the points right-aligned in one column, then the label.
    public func lines(indent: Int) -> [String] {
        let texts = factors.map { $0.points.map { "+\($0)" } ?? "" }
        let width = texts.map(\.count).max() ?? 0
        let margin = String(repeating: " ", count: indent)
        return zip(factors, texts).map { factor, points in
            margin + Formatting.rightAligned(points, width) + (width > 0 ? "  " : "") + factor.label
        }
    }
}

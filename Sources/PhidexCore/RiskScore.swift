// A file's risk: a number, a tier and the factors that add up to it, so that
// every score can be explained (`phidex report`, later `phidex explain`).

/// Coarse bands of the 0–100 score.
public enum RiskTier: String, Sendable, Codable, CaseIterable, Comparable {
    case none, low, medium, high, critical

    /// The tier a score falls in: 0 none, 1–24 low, 25–49 medium, 50–74 high, 75–100 critical.
    public init(score: Int) {
        switch score {
        case ..<1: self = .none
        case ..<25: self = .low
        case ..<50: self = .medium
        case ..<75: self = .high
        default: self = .critical
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One term of a risk score and the points it contributed.
public struct RiskFactor: Hashable, Sendable, Codable {
    public var label: String
    public var points: Double
    public init(label: String, points: Double) {
        self.label = label
        self.points = points
    }
}

/// A file's score (0–100), its tier and the factors behind it.
public struct RiskScore: Hashable, Sendable {
    public var score: Int
    public var tier: RiskTier
    public var factors: [RiskFactor]

    public init(score: Int, factors: [RiskFactor]) {
        self.score = min(100, max(0, score))
        self.tier = RiskTier(score: self.score)
        self.factors = factors
    }

    public static let zero = RiskScore(score: 0, factors: [])

    /// The factors as one line: `3 distinct ssn × 30 (log-scaled) = 54; …`.
    public var explanation: String {
        factors.map { "\($0.label) = \(Int($0.points.rounded()))" }.joined(separator: "; ")
    }
}

// Stable identifiers of detection rules (`phi.ssn.1`). A rule keeps its id when
// its pattern is refined; the rule's content hash tells versions apart.

/// The stable id of a detection rule: `phi.<name>.<n>`, lowercase letters, digits and `-`.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Whether the id has the documented shape `phi.<name>.<n>`.
    public var isWellFormed: Bool {
        let parts = rawValue.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "phi", !parts[1].isEmpty, !parts[2].isEmpty else { return false }
        let nameOK = parts[1].allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
        let numberOK = parts[2].allSatisfy { $0 >= "0" && $0 <= "9" } && parts[2].first != "0"
        return nameOK && numberOK && parts[1].first != "-"
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

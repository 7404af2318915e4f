// Dates printed the many ways records print them.

/// A calendar date (days 1–28 only, so every month is valid without a calendar).
public struct SyntheticDate: Sendable, Hashable {
    public var year: Int, month: Int, day: Int

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The shapes identifiers.md lists for dates of birth.
    public enum Style: CaseIterable, Sendable { case us, iso, dayMonthAbbrev, longForm, hl7, isoTime, dotted, ordinal, dayMonthLong, hl7Time }

    public func formatted(_ style: Style) -> String {
        let mm = IdentifierForge.pad(month, 2), dd = IdentifierForge.pad(day, 2)
        switch style {
        case .us: return mm + "/" + dd + "/" + String(year)
        case .iso: return String(year) + "-" + mm + "-" + dd
        case .dayMonthAbbrev: return dd + "-" + String(Self.monthNames[month - 1].prefix(3)) + "-" + String(year)
        case .longForm: return Self.monthNames[month - 1] + " " + String(day) + ", " + String(year)
        case .hl7: return String(year) + mm + dd
        case .isoTime: return String(year) + "-" + mm + "-" + dd + "T00:00:00"
        case .dotted: return dd + "." + mm + "." + String(year)
        case .ordinal:
            let suffix = [1, 21].contains(day) ? "st" : [2, 22].contains(day) ? "nd" : [3, 23].contains(day) ? "rd" : "th"
            return Self.monthNames[month - 1] + " " + String(day) + suffix + ", " + String(year)
        case .dayMonthLong: return String(day) + " " + Self.monthNames[month - 1] + " " + String(year)
        case .hl7Time: return String(year) + mm + dd + "0000-0500"
        }
    }

    public static func random(years: ClosedRange<Int>, _ rng: inout SeededGenerator) -> SyntheticDate {
        SyntheticDate(year: rng.int(years), month: rng.int(1...12), day: rng.int(1...28))
    }
}

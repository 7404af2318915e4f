// The SSN family: Social Security numbers and the IRS numbers that share their
// shape (ITIN, ATIN, IRSN), plus "SSN-shaped but never issued".
//
// A hand-written byte scanner rather than a regex: digit-only shapes are what
// multi-pattern engines do worst (see docs/architecture.md), and the checks
// that matter here — digit-run boundaries, agreeing separators, decimal
// points, area/group/serial rules — are plain byte tests. Rules and their
// examples are in Rules/ssn.json; the facts behind the checks are in
// shared/reference/identifiers.md.

import PhidexCore

/// Finds SSN-shaped numbers and classifies them into the rules of `Rules/ssn.json`.
public final class SSNDetector: DigitRunDetector {
    public let rules: [Rule]
    /// Context + boundary bytes either side of a match of at most 11 bytes; a table row's start
    /// may lie further back than context words.
    public var reach: Int { max(ContextWords.lookBehind, TableHeader.lookBehind) + 11 + ContextWords.lookAhead + 2 }

    private let ssn: RuleEntry, itin: RuleEntry, atin: RuleEntry, irsn: RuleEntry, neverIssued: RuleEntry
    /// Legacy Medicare claim numbers: an SSN followed by a beneficiary code.
    private let hicn: RuleEntry?

    /// Reported matches below this confidence are dropped.
    static let minimumConfidence = 0.15

    init(rules: [Rule]) throws {
        func find(_ type: IdentifierType) throws -> RuleEntry {
            guard let rule = rules.first(where: { $0.type == type }) else {
                throw CatalogueError(message: "the ssn detector needs a rule of type \(type)")
            }
            return RuleEntry(rule)
        }
        ssn = try find(.ssn)
        itin = try find(.itin)
        atin = try find(.atin)
        irsn = try find(.irsn)
        neverIssued = try find(.ssnNeverIssued)
        hicn = rules.first { $0.type == .hicn }.map(RuleEntry.init)
        try requireValidators(rules, [
            .ssn: "ssa-issuable", .itin: "irs-itin-groups", .atin: "irs-atin-group", .irsn: "irs-irsn-groups",
            .ssnNeverIssued: "ssa-never-issued", .hicn: "ssa-issuable+beneficiary-code",
        ], detector: "ssn")
        self.rules = rules
    }

    /// Classifies the digit run `[index, runEnd)` (SSN shapes start with a run of 9 or of 3).
    @inline(__always) func digitRun(in window: UnsafeRawBufferPointer, start index: Int, end runEnd: Int, context: StreamContext, into matches: inout [Match]) {
        let count = window.count
        switch runEnd - index {
        case 9 where hicn != nil && runEnd < count && ContextWords.isUpper(window[runEnd]):
            claimNumber(in: window, start: index, digitsEnd: runEnd, into: &matches)
        case 9:
            if let match = candidate(in: window, context: context, start: index, end: runEnd, separator: nil) { matches.append(match) }
        case 7...8 where context.table != nil || context.rows != nil:
            if let match = numberInSSNColumn(in: window, context: context, start: index, end: runEnd) { matches.append(match) }
        case 3:
            if let end = separatedEnd(in: window, start: index),
                let match = candidate(in: window, context: context, start: index, end: end, separator: window[index + 3])
            {
                matches.append(match)
            }
        default:
            break
        }
    }

    /// The end of `AAA?GG?SSSS` starting at `start` when both separators agree, else nil.
    private func separatedEnd(in window: UnsafeRawBufferPointer, start: Int) -> Int? {
        let end = start + 11
        guard end <= window.count else { return nil }
        let separator = window[start + 3]
        guard separator == 0x2D || separator == 0x20 || separator == 0x2E, window[start + 6] == separator else { return nil }
        let digit = { (offset: Int) in ContextWords.isDigit(window[start + offset]) }
        guard digit(4), digit(5), digit(7), digit(8), digit(9), digit(10) else { return nil }
        if end < window.count && ContextWords.isDigit(window[end]) { return nil }
        return end
    }

    private func candidate(
        in window: UnsafeRawBufferPointer, context: StreamContext, start: Int, end: Int, separator: UInt8?
    ) -> Match? {
        guard isolated(in: window, start: start, end: end, separator: separator) else { return nil }

        var digits: [UInt8] = []
        digits.reserveCapacity(9)
        for offset in start..<end where ContextWords.isDigit(window[offset]) { digits.append(window[offset] - 0x30) }
        let area = Int(digits[0]) * 100 + Int(digits[1]) * 10 + Int(digits[2])
        let group = Int(digits[3]) * 10 + Int(digits[4])
        let serial = Int(digits[5]) * 1000 + Int(digits[6]) * 100 + Int(digits[7]) * 10 + Int(digits[8])
        let text = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)

        if digits.allSatisfy({ $0 == digits[0] }) || Self.advertising.contains(text) { return nil }
        let (rule, check) = classify(area: area, group: group, serial: serial)

        // Confidence by shape, then context.
        let shape: String
        var confidence = rule.confidence
        switch separator {
        case nil:
            shape = "bare nine digits"
            confidence -= 0.45
        case 0x2D?:
            shape = "AAA-GG-SSSS"
        default:
            shape = separator == 0x20 ? "AAA GG SSSS" : "AAA.GG.SSSS"
            confidence -= 0.1
        }
        // A table column's name, when known, outweighs words nearby.
        let column = context.column(at: start, in: window)
        let hit = column.flatMap { rule.context.classify(column: $0) ?? Self.columnHit($0, context) }
            ?? rule.context.nearest(in: window, start: start, end: end)
        var reason = "\(shape); \(check)"
        let place = { (hit: ContextHit) in hit.inColumn ? "in column '\(column ?? "")'" : "\(Self.bytes(hit.distance)) away" }
        switch hit {
        case let hit? where hit.isPositive:
            confidence += separator == nil ? 0.4 : 0.15
            reason += "; context '\(hit.word)' \(place(hit))"
        case let hit?:
            // A bare number next to "phone" or "routing" is that, not an SSN.
            if separator == nil { return nil }
            confidence -= 0.3
            reason += "; negative context '\(hit.word)' \(place(hit))"
        case nil:
            // IRS numbers printed bare are too weak to report without context, and an impossible
            // SSN only matters where something calls it an SSN (a label, an `ssn` column): a
            // never-issued shape elsewhere is a test fixture or a placeholder.
            if rule.type == .ssnNeverIssued || (separator == nil && rule.type != .ssn) { return nil }
            // Bare digits with a label that is not an SSN's (`Employee ID: …`, `Case #`) are
            // that label's, and after a state code they are a ZIP+4 (`Springfield, IL 627041234`).
            if separator == nil, Self.labelledOtherwise(window, before: start) || Self.followsStateCode(window, before: start) { return nil }
        }
        confidence = min(0.99, max(0, confidence))
        guard confidence >= Self.minimumConfidence else { return nil }

        let withoutContext = separator == nil && hit == nil
        let last4 = String(text.suffix(4))
        let masked: String
        if let separator {
            let mark = Character(UnicodeScalar(separator))
            masked = "***\(mark)**\(mark)\(last4)"
        } else {
            masked = "*****\(last4)"
        }
        var match = Match(
            rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(start), length: end - start),
            confidence: (confidence * 100).rounded() / 100, reason: reason, normalized: "tin:" + text, masked: masked)
        match.withoutContext = withoutContext
        return match
    }

    /// Rejects a shape that is part of something longer: next to letters or digits, after a
    /// decimal point, or continuing a run of numbers joined by the same separator.
    private func isolated(in window: UnsafeRawBufferPointer, start: Int, end: Int, separator: UInt8?) -> Bool {
        if start > 0 {
            let before = window[start - 1]
            if ContextWords.isAlphanumeric(before) { return false }
            if start > 1 && ContextWords.isDigit(window[start - 2]) {
                if before == 0x2E || before == 0x2D || before == 0x2F { return false }  // 0.304262935, 1-401-…, 12/…
                if before == separator { return false }  // 2023 401 23 7788
            }
            // A bare number glued to a prefix is part of another identifier: INV-401237788, ID_401237788.
            if separator == nil && start > 1 && (before == 0x2D || before == 0x5F || before == 0x2F)
                && ContextWords.isAlphanumeric(window[start - 2])
            {
                return false
            }
        }
        if end < window.count {
            let after = window[end]
            if ContextWords.isAlphanumeric(after) { return false }
            if end + 1 < window.count && ContextWords.isDigit(window[end + 1]) {
                if after == 0x2D || after == 0x2E || after == 0x2F || after == separator { return false }
            }
            if separator == nil && end + 1 < window.count && (after == 0x2D || after == 0x5F || after == 0x2F)
                && ContextWords.isAlphanumeric(window[end + 1])
            {
                return false
            }
        }
        return true
    }

    /// A legacy HICN: nine SSN digits and a beneficiary code (`A`, `B1`, `C2`, `D`, `T`, …),
    /// reported as an HICN and as the SSN it exposes.
    private func claimNumber(in window: UnsafeRawBufferPointer, start: Int, digitsEnd: Int, into matches: inout [Match]) {
        guard let hicn, start == 0 || !ContextWords.isAlphanumeric(window[start - 1]) else { return }
        var end = digitsEnd + 1
        if end < window.count && (ContextWords.isDigit(window[end]) || ContextWords.isUpper(window[end])) { end += 1 }
        guard end == window.count || !ContextWords.isAlphanumeric(window[end]) else { return }
        var digits: [UInt8] = []
        for offset in start..<digitsEnd { digits.append(window[offset] - 0x30) }
        let area = Int(digits[0]) * 100 + Int(digits[1]) * 10 + Int(digits[2])
        let group = Int(digits[3]) * 10 + Int(digits[4])
        let serial = Int(digits[5]) * 1000 + Int(digits[6]) * 100 + Int(digits[7]) * 10 + Int(digits[8])
        let text = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        guard classify(area: area, group: group, serial: serial).0 === ssn, !Self.advertising.contains(text),
            !digits.allSatisfy({ $0 == digits[0] })
        else { return }
        var confidence = hicn.confidence
        var reason = "SSN digits issuable + beneficiary code"
        switch hicn.context.nearest(in: window, start: start, end: end) {
        case let hit? where hit.isPositive:
            confidence += 0.3
            reason += "; context '\(hit.word)' \(Self.bytes(hit.distance)) away"
        case _?:
            return
        case nil:
            break
        }
        let code = String(decoding: UnsafeRawBufferPointer(rebasing: window[digitsEnd..<end]), as: UTF8.self)
        matches.append(Match(
            rule: hicn.id, type: hicn.type, span: ByteSpan(offset: Int64(start), length: end - start),
            confidence: min(0.99, confidence), reason: reason, normalized: "hicn:" + text + code, masked: "*****" + text.suffix(4) + code))
        matches.append(Match(
            rule: ssn.id, type: ssn.type, span: ByteSpan(offset: Int64(start), length: 9), confidence: min(0.99, confidence),
            reason: "the SSN inside an HICN; " + reason, normalized: "tin:" + text, masked: "*****" + text.suffix(4)))
    }

    /// Seven or eight digits filling a cell of an SSN column: an SSN a spreadsheet or database
    /// stored as a number, which dropped its leading zeros (`012-34-5678` as `12345678`).
    @inline(never)
    private func numberInSSNColumn(in window: UnsafeRawBufferPointer, context: StreamContext, start: Int, end: Int) -> Match? {
        func isCellEdge(_ byte: UInt8) -> Bool { !ContextWords.isAlphanumeric(byte) && byte != 0x2D && byte != 0x2E && byte != 0x2F && byte != 0x3A }
        // Cheap checks first: a number that lost zeros does not start with one, and fills its cell.
        guard window[start] != 0x30, start == 0 || isCellEdge(window[start - 1]), end == window.count || isCellEdge(window[end]),
            let column = context.column(at: start, in: window)
        else { return nil }
        switch context.kind(ofColumn: column) {  // cached per column name
        case .identifier(.ssn)?: break
        case nil: guard ssn.context.classify(column: column)?.isPositive == true else { return nil }
        default: return nil
        }
        let stored = String(decoding: UnsafeRawBufferPointer(rebasing: window[start..<end]), as: UTF8.self)
        guard let canonical = ValueNormalizer.normalize(stored, as: .ssn) else { return nil }  // the zeros restored
        let digits = String(canonical.dropFirst(4))
        guard let (type, check) = Self.classify(digits: digits), type == .ssn else { return nil }
        return Match(
            rule: ssn.id, type: .ssn, span: ByteSpan(offset: Int64(start), length: end - start), confidence: ssn.confidence,
            reason: "a number in column '\(column)' with its leading zeros restored; \(check)", normalized: "tin:" + digits,
            masked: "*****" + digits.suffix(4))
    }

    /// Whether a label ends right before `start` (`Employee ID: `, `Case #`, `ref=`): a word,
    /// then `:`, `#` or `=`, then spaces, on the same line.
    static func labelledOtherwise(_ window: UnsafeRawBufferPointer, before start: Int) -> Bool {
        var i = start - 1
        while i >= 0 && (window[i] == 0x20 || window[i] == 0x09) { i -= 1 }
        guard i >= 1, window[i] == 0x3A || window[i] == 0x23 || window[i] == 0x3D else { return false }
        i -= 1
        while i >= 0 && window[i] == 0x20 { i -= 1 }
        return i >= 0 && ContextWords.isAlphanumeric(window[i])
    }

    /// US state and territory codes (USPS), for ZIP+4 codes written without their dash.
    static let stateCodes: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
    ]

    /// Whether `start` follows a state code and a space (`, IL 627041234`).
    static func followsStateCode(_ window: UnsafeRawBufferPointer, before start: Int) -> Bool {
        guard start >= 4, window[start - 1] == 0x20, ContextWords.isUpper(window[start - 2]), ContextWords.isUpper(window[start - 3]),
            window[start - 4] == 0x20 || window[start - 4] == 0x2C
        else { return false }
        return stateCodes.contains(String(decoding: [window[start - 3], window[start - 2]], as: UTF8.self))
    }

    /// What a column's words say of the numbers in it: a taxpayer number's column is positive
    /// context, a column naming anything else (`Order #`, `zip_code`, `member_no`) negative.
    static func columnHit(_ column: String, _ context: StreamContext) -> ContextHit? {
        guard let kind = context.kind(ofColumn: column) else { return nil }
        let positive = [FieldKind.identifier(.ssn), .identifier(.itin), .identifier(.atin), .identifier(.irsn), .identifier(.hicn), .medicare]
            .contains(kind)
        return ContextHit(word: column, isPositive: positive, distance: 0, inColumn: true)
    }

    /// Which rule a number belongs to, and the check that put it there.
    private func classify(area: Int, group: Int, serial: Int) -> (RuleEntry, String) {
        let (type, check) = Self.classify(area: area, group: group, serial: serial)
        let entry: RuleEntry = switch type {
        case .ssn: ssn
        case .itin: itin
        case .atin: atin
        case .irsn: irsn
        default: neverIssued
        }
        return (entry, check)
    }

    /// Which member of the SSN family nine digits are, and the check that says so.
    static func classify(area: Int, group: Int, serial: Int) -> (IdentifierType, String) {
        if group == 0 { return (.ssnNeverIssued, "group 00 is never issued") }
        if serial == 0 { return (.ssnNeverIssued, "serial 0000 is never issued") }
        if area == 0 || area == 666 { return (.ssnNeverIssued, "area \(area == 0 ? "000" : "666") is never issued") }
        if area >= 900 {
            switch group {
            case 50...65, 70...88, 90...92, 94...99: return (.itin, "area 9xx with an ITIN group")
            case 93: return (.atin, "area 9xx with the ATIN group 93")
            case 1...10, 17...19, 28...29, 37...39: return (.irsn, "area 9xx with an IRSN group")
            default: return (.ssnNeverIssued, "area 9xx outside the IRS ranges is never issued as an SSN")
            }
        }
        return (.ssn, "area, group and serial issuable")
    }

    /// The SSN-family type of nine digits (`401237788`), its check, or nil for SSA's advertising
    /// and sample numbers and numbers of one repeated digit.
    static func classify(digits text: String) -> (IdentifierType, String)? {
        let d = text.utf8.map { Int($0) - 0x30 }
        guard d.count == 9, d.allSatisfy({ (0...9).contains($0) }), !advertising.contains(text), Set(d).count > 1 else { return nil }
        return classify(area: d[0] * 100 + d[1] * 10 + d[2], group: d[3] * 10 + d[4], serial: d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8])
    }

    private static func bytes(_ count: Int) -> String { count == 1 ? "1 byte" : "\(count) bytes" }

    /// SSA's advertising and widely published sample numbers.
    static let advertising: Set<String> = [
        "078051120", "219099999", "123456789",
        "987654320", "987654321", "987654322", "987654323", "987654324",
        "987654325", "987654326", "987654327", "987654328", "987654329",
    ]
}

/// A rule file that does not fit the detector it names.
public struct CatalogueError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

// Digit-only identifiers other than the SSN family, by byte scan: the National
// Provider Identifier (ten digits, Luhn over 80840 + digits) and telephone
// numbers. One ten-digit number in ten passes Luhn by chance (timestamps,
// phone numbers, order numbers), so an NPI is only reported with provider
// context nearby or in its column; a phone number only where a label or
// column calls it one.

import PhidexCore

/// Finds the identifiers of `Rules/numbers.json`.
public final class NumberDetector: DigitRunDetector {
    public let rules: [Rule]
    public var reach: Int { max(ContextWords.lookBehind, TableHeader.lookBehind) + 12 + ContextWords.lookAhead + 2 }

    private let npi: RuleEntry
    private let phone: RuleEntry?

    init(rules: [Rule]) throws {
        guard let npi = rules.first(where: { $0.type == .npi }) else {
            throw CatalogueError(message: "the number detector needs a rule of type npi")
        }
        self.rules = rules
        self.npi = RuleEntry(npi)
        phone = rules.first { $0.type == .phone }.map(RuleEntry.init)
        try requireValidators(rules, [.npi: "npi-luhn-80840", .phone: "nanp"], detector: "number")
    }

    /// Checks the digit run `[index, runEnd)`: ten digits, or the first four of `NNNN-NNN-NNN`.
    @inline(__always) func digitRun(in window: UnsafeRawBufferPointer, start index: Int, end runEnd: Int, context streamContext: StreamContext, into matches: inout [Match]) {
        let count = window.count
        var end: Int? = nil
        if runEnd - index == 10 {
            end = runEnd
        } else if runEnd - index == 4, index + 12 <= count {
            // 4-3-3 with a dash or space, as NPIs are sometimes printed.
            let separator = window[index + 4]
            if (separator == 0x2D || separator == 0x20) && window[index + 8] == separator
                && [5, 6, 7, 9, 10, 11].allSatisfy({ ContextWords.isDigit(window[index + $0]) })
                && (index + 12 == count || !ContextWords.isDigit(window[index + 12]))
            {
                end = index + 12
            }
        }
        if let end, let match = candidate(window, streamContext, start: index, end: end) { matches.append(match) }
        if runEnd - index == 3 || runEnd - index == 10 || runEnd - index == 11, let phone {
            if let match = telephone(phone, window, streamContext, start: index, runEnd: runEnd) { matches.append(match) }
        }
    }

    /// A North American number whose area code is the run `[start, runEnd)` — or ten bare digits
    /// (`+1` and eleven, with its plus) in a phone column or right after a phone label — with
    /// phone context. Shapes: `(NNN) NNN-NNNN`, `(NNN)NNN-NNNN`, `NNN-NNN-NNNN`, `NNN.NNN.NNNN`,
    /// `NNN NNN NNNN`, each with an optional `+1` or `1` trunk prefix.
    private func telephone(
        _ rule: RuleEntry, _ window: UnsafeRawBufferPointer, _ streamContext: StreamContext, start: Int, runEnd: Int
    ) -> Match? {
        let count = window.count
        func digits(_ from: Int, _ n: Int) -> Bool {
            from + n <= count && (from..<(from + n)).allSatisfy { ContextWords.isDigit(window[$0]) }
                && (from + n == count || !ContextWords.isDigit(window[from + n]))
        }
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2D || byte == 0x2E || byte == 0x20 }
        var spanStart = start, end: Int
        var bare = false
        if runEnd - start == 10 || runEnd - start == 11 {
            guard runEnd - start == 10 || (window[start] == 0x31 && start > 0 && window[start - 1] == 0x2B) else { return nil }
            end = runEnd  // bare: only in a phone column or right after a label, checked below
            bare = true
            if runEnd - start == 11 { spanStart = start - 1 }
        } else if start > 0 && window[start - 1] == 0x28 && runEnd + 2 < count && window[runEnd] == 0x29 {
            var next = runEnd + 1  // (NNN) NNN-NNNN, (NNN)NNN-NNNN, (NNN) NNN NNNN
            if window[next] == 0x20 { next += 1 }
            guard digits(next, 3), next + 3 < count, isSeparator(window[next + 3]), digits(next + 4, 4) else { return nil }
            spanStart = start - 1
            end = next + 8
        } else if runEnd < count, isSeparator(window[runEnd]) {
            let separator = window[runEnd]  // NNN-NNN-NNNN, NNN.NNN.NNNN, NNN NNN NNNN
            guard digits(runEnd + 1, 3), runEnd + 4 < count, window[runEnd + 4] == separator, digits(runEnd + 5, 4) else { return nil }
            end = runEnd + 9
        } else {
            return nil
        }
        let all = (spanStart..<end).compactMap { ContextWords.isDigit(window[$0]) ? window[$0] - 0x30 : nil }.suffix(10)
        guard all.count == 10, all[all.startIndex] >= 2, all[all.startIndex + 3] >= 2 else { return nil }
        // A trunk prefix before the area code: `+1 `, `+1-`, `+1.`, `+1(`, `1-`, `1.`, `1 `.
        if !bare {
            var one = spanStart - 1
            if one >= 1, isSeparator(window[one]) { one -= 1 }  // the separator after the 1
            if one >= 0, window[one] == 0x31, one == 0 || !ContextWords.isDigit(window[one - 1]) {
                let plus = one > 0 && window[one - 1] == 0x2B
                // A bare `1` only with a separator (`1-303-…`); `+1` glued too (`+1(303)…`).
                if plus || one < spanStart - 1 { spanStart = plus ? one - 1 : one }
            }
        }
        // Not part of something longer: letters or digits around, or another separated group.
        if spanStart > 0 {
            let before = window[spanStart - 1]
            if ContextWords.isAlphanumeric(before) { return nil }
            if (before == 0x2D || before == 0x2E) && spanStart > 1 && ContextWords.isDigit(window[spanStart - 2]) { return nil }
        }
        if end < count {
            if ContextWords.isAlphanumeric(window[end]) { return nil }
            if end + 1 < count && (window[end] == 0x2D || window[end] == 0x2E) && ContextWords.isDigit(window[end + 1]) { return nil }
        }
        let column = streamContext.column(at: spanStart, in: window)
        var hit = column.flatMap { rule.context.classify(column: $0) ?? Self.columnHit($0, .phone, streamContext) }
        if hit == nil {
            // Bare digits count only right after their label.
            hit = bare
                ? rule.context.nearest(in: window, start: spanStart, end: end, lookBehind: Self.bareLabelDistance + 12, lookAhead: 0)
                : rule.context.nearest(in: window, start: spanStart, end: end)
            if bare, let found = hit, found.distance > Self.bareLabelDistance { hit = nil }
        }
        guard let hit, hit.isPositive else { return nil }
        // A table of vendors or companies lists their phones, not people's.
        if hit.inColumn, streamContext.table?.listsOrganizations == true { return nil }
        let text = String(decoding: all.map { $0 + 0x30 }, as: UTF8.self)
        let place = hit.inColumn ? "in column '\(column ?? "")'" : "\(hit.distance) bytes away"
        return Match(
            rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(spanStart), length: end - spanStart),
            confidence: rule.confidence, reason: "North American number; context '\(hit.word)' \(place)",
            normalized: "phone:" + text, masked: "(***) ***-" + String(text.suffix(4)))
    }

    /// How far after its label ten bare digits may be to count as a phone number.
    static let bareLabelDistance = 16

    /// What a column's words say of the numbers in it: positive for `type`'s column (`HomePh`,
    /// `prescriber_npi`), negative for a column naming anything else.
    static func columnHit(_ column: String, _ type: IdentifierType, _ context: StreamContext) -> ContextHit? {
        guard let kind = context.kind(ofColumn: column) else { return nil }
        return ContextHit(word: column, isPositive: kind == .identifier(type), distance: 0, inColumn: true)
    }

    private func candidate(_ window: UnsafeRawBufferPointer, _ streamContext: StreamContext, start: Int, end: Int) -> Match? {
        if start > 0 {
            let before = window[start - 1]
            if ContextWords.isLetter(before) { return nil }
            if start > 1 && ContextWords.isDigit(window[start - 2]) && (before == 0x2E || before == 0x2D || before == 0x2F) { return nil }
        }
        if end < window.count {
            let after = window[end]
            if ContextWords.isLetter(after) { return nil }
            if end + 1 < window.count && ContextWords.isDigit(window[end + 1]) && (after == 0x2E || after == 0x2D || after == 0x2F) { return nil }
        }
        // An NPI starts with 1 or 2: most ten-digit numbers stop here, before any allocation.
        guard window[start] == 0x31 || window[start] == 0x32 else { return nil }
        let digits = (start..<end).compactMap { ContextWords.isDigit(window[$0]) ? window[$0] - 0x30 : nil }
        guard digits[0] == 1 || digits[0] == 2, digits.prefix(9).contains(where: { $0 != digits[0] }), Validators.npiLuhn(digits)
        else { return nil }
        let column = streamContext.column(at: start, in: window)
        guard let hit = column.flatMap({ npi.context.classify(column: $0) ?? Self.columnHit($0, .npi, streamContext) })
                ?? npi.context.nearest(in: window, start: start, end: end),
            hit.isPositive
        else { return nil }
        let place = hit.inColumn ? "in column '\(column ?? "")'" : "\(hit.distance) bytes away"
        let text = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        return Match(
            rule: npi.id, type: npi.type, span: ByteSpan(offset: Int64(start), length: end - start),
            confidence: npi.confidence, reason: "Luhn over 80840 holds; context '\(hit.word)' \(place)",
            normalized: "npi:" + text, masked: "******" + String(text.suffix(4)))
    }
}

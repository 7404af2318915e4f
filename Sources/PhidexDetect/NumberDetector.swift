// Digit-only identifiers other than the SSN family, by byte scan: the National
// Provider Identifier (ten digits, Luhn over 80840 + digits). One ten-digit
// number in ten passes Luhn by chance (timestamps, phone numbers, order
// numbers), so an NPI is only reported with provider context nearby or in
// its column.

import PhidexCore

/// Finds the identifiers of `Rules/numbers.json`.
public final class NumberDetector: DigitRunDetector {
    public let rules: [Rule]
    public var reach: Int { max(ContextWords.lookBehind, TableHeader.lookBehind) + 12 + ContextWords.lookAhead + 2 }

    private let npi: Rule
    private let context: ContextWords

    init(rules: [Rule]) throws {
        guard let npi = rules.first(where: { $0.type == .npi }) else {
            throw CatalogueError(message: "the number detector needs a rule of type npi")
        }
        self.rules = rules
        self.npi = npi
        self.context = ContextWords(npi.context)
    }

    /// Checks the digit run `[index, runEnd)`: ten digits, or the first four of `NNNN-NNN-NNN`.
    func digitRun(in window: UnsafeRawBufferPointer, start index: Int, end runEnd: Int, context streamContext: StreamContext, into matches: inout [Match]) {
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
        let digits = (start..<end).compactMap { ContextWords.isDigit(window[$0]) ? window[$0] - 0x30 : nil }
        guard digits[0] == 1 || digits[0] == 2, Set(digits.prefix(9)).count > 1, Validators.npiLuhn(digits) else { return nil }
        let column = streamContext.column(at: start, in: window)
        guard let hit = column.flatMap({ context.classify(column: $0) }) ?? context.nearest(in: window, start: start, end: end),
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

// Identifiers of letters and digits in fixed positions — the Medicare
// Beneficiary Identifier and the DEA registration number — found from the digit
// runs they contain, in the same byte pass as the SSN and NPI scanners. As
// Vectorscan shapes they cost a quarter of the scan on number-rich text (both
// start with a class that matches at most positions); anchored on digit runs
// they cost a few comparisons per run.
//   MBI: a lone digit 1-9 (position 1; position 2 is a letter) starts it.
//   DEA: its seven digits are a run after two letters, or eight after a letter
//        when the second character is the 9 some registrants have.

import PhidexCore

/// Finds the identifiers of `Rules/alphanumeric.json`.
public final class AlphanumericDetector: DigitRunDetector {
    public let rules: [Rule]
    public var reach: Int { ContextWords.lookBehind + 13 + ContextWords.lookAhead + 2 }

    static let minimumConfidence = 0.3

    private let mbi: RuleEntry?, dea: RuleEntry?

    init(rules: [Rule]) throws {
        self.rules = rules
        mbi = rules.first { $0.type == .mbi }.map(RuleEntry.init)
        dea = rules.first { $0.type == .dea }.map(RuleEntry.init)
        guard mbi != nil || dea != nil else { throw CatalogueError(message: "the alphanumeric detector needs an mbi or dea rule") }
        try requireValidators(rules, [.mbi: "cms-mbi", .dea: "dea-checksum"], detector: "alphanumeric")
    }

    @inline(__always) func digitRun(in window: UnsafeRawBufferPointer, start: Int, end: Int, context: StreamContext, into matches: inout [Match]) {
        // Byte tests first; a rule is only touched for a plausible candidate.
        switch end - start {
        case 1:
            guard window[start] != 0x30, end < window.count, ContextWords.isLetter(window[end]),
                start == 0 || !ContextWords.isAlphanumeric(window[start - 1]), let mbi
            else { return }
            // Cheap position tests first (UUIDs and hex digests start many lone-digit runs).
            let count = window.count
            if start + 13 <= count, window[start + 4] == 0x2D, window[start + 8] == 0x2D,
                let match = check(mbi, window, start, start + 13, Validators.mbi)
            {
                matches.append(match)
            } else if start + 11 <= count, ContextWords.isDigit(window[start + 3]), ContextWords.isDigit(window[start + 10]),
                let match = check(mbi, window, start, start + 11, Validators.mbi)
            {
                matches.append(match)
            }
        case 7:
            guard start >= 2, ContextWords.isUpper(window[start - 2]), ContextWords.isUpper(window[start - 1]), let dea else { return }
            if let match = check(dea, window, start - 2, end, Validators.dea) { matches.append(match) }
        case 8:
            guard window[start] == 0x39, start >= 1, ContextWords.isUpper(window[start - 1]), let dea else { return }
            if let match = check(dea, window, start - 1, end, Validators.dea) { matches.append(match) }
        default:
            return
        }
    }

    /// `[start, end)` as a match of `rule` if it stands alone, passes `validate`, and its
    /// context allows it (a DEA number needs positive context: one random string in ten
    /// passes its checksum).
    private func check(
        _ rule: RuleEntry, _ window: UnsafeRawBufferPointer, _ start: Int, _ end: Int,
        _ validate: (UnsafeRawBufferPointer) -> (String, String)?
    ) -> Match? {
        if start > 0 && ContextWords.isAlphanumeric(window[start - 1]) { return nil }
        if end < window.count && ContextWords.isAlphanumeric(window[end]) { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: window[start..<end])
        guard let (normalized, check) = validate(bytes) else { return nil }
        var confidence = rule.confidence
        var reason = check
        switch rule.context.nearest(in: window, start: start, end: end) {
        case let hit? where hit.isPositive:
            confidence += 0.1
            reason += "; context '\(hit.word)' \(hit.distance) bytes away"
        case let hit?:
            confidence -= 0.4
            reason += "; negative context '\(hit.word)' \(hit.distance) bytes away"
        case nil:
            if rule.type == .dea { return nil }
        }
        guard confidence >= Self.minimumConfidence else { return nil }
        return Match(
            rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(start), length: end - start),
            confidence: min(0.99, confidence), reason: reason, normalized: normalized, masked: PatternDetector.mask(bytes))
    }
}

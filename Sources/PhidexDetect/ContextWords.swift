// Context words near a match: the nearest one decides whether context raises
// (`SSN:`) or lowers (`Phone:`) a rule's confidence. Peers use windows from a
// few tokens (Presidio) to 300 characters (Purview). Phidex looks 64 bytes
// back for positive words (a label, a JSON key, a CSV header a row or two up)
// but only 24 back for negative ones: a negative word must be the value's own
// label (`Phone: `, `Routing #`), not a word somewhere on the same line
// (`1 Example Way … 401237788` in an HL7 segment is still an SSN). Both look
// 24 bytes ahead.
//
// Matching is ASCII case-insensitive on word boundaries, where a boundary is
// a non-alphanumeric byte or a camelCase step, so `patientSSN`, `patient_ssn`
// and `SSN#` all carry `ssn`, while `continued` does not carry `tin`.

/// A context word seen near a match.
public struct ContextHit: Sendable, Hashable {
    public var word: String
    public var isPositive: Bool
    /// Bytes between the word and the match (0 for a column name).
    public var distance: Int
    /// Whether the word came from the match's table column name rather than nearby text.
    public var inColumn = false
}

/// The positive and negative context words of one rule, prepared for byte matching.
struct ContextWords: Sendable {
    static let lookBehind = 64
    static let negativeLookBehind = 24
    static let lookAhead = 24

    /// A word's place in `letters`, and its sign. Plain values: the scan below reads one per
    /// candidate position, and a word held as an array and a string cost a retain and a release
    /// of each on every read.
    private struct Word {
        var offset: Int
        var length: Int
        var positive: Bool
    }

    private var words: [Word] = []
    /// Every word's lowercased bytes, one after another.
    private var letters: [UInt8] = []
    /// Each word as the rule spells it, for the hit.
    private var texts: [String] = []
    /// For each (lowercased) byte, the words that start with it, as a bit set over `words`:
    /// one table lookup per byte of the context window instead of one comparison per word.
    private var startingWith: [UInt64]

    init(_ context: Rule.Context) {
        let all = context.positive.map { ($0, true) } + context.negative.map { ($0, false) }
        for (text, positive) in all where !text.isEmpty {
            let lowered = Array(text.lowercased().utf8)
            words.append(Word(offset: letters.count, length: lowered.count, positive: positive))
            letters += lowered
            texts.append(text)
        }
        precondition(words.count <= 64, "at most 64 context words per rule")
        startingWith = [UInt64](repeating: 0, count: 256)
        for (index, word) in words.enumerated() {
            let first = letters[word.offset]
            startingWith[Int(first)] |= 1 << UInt64(index)
            if Self.isLower(first) { startingWith[Int(first & ~0x20)] |= 1 << UInt64(index) }
        }
    }

    /// The context word nearest to the match `[start, end)` in `window`, if any, looking at most
    /// `lookBehind` bytes back and `lookAhead` ahead.
    func nearest(
        in window: UnsafeRawBufferPointer, start: Int, end: Int, lookBehind: Int = Self.lookBehind, lookAhead: Int = Self.lookAhead
    ) -> ContextHit? {
        var best: ContextHit?
        // Behind: positions from the match back to the look-behind limit. A word found
        // there ends before the match; the first found per word is its nearest occurrence.
        let behindFrom = max(0, start - lookBehind)
        var position = start - 1
        while position >= behindFrom {
            // Words begin on a word boundary: most bytes of a text are inside a word.
            var candidates = Self.startsWord(in: window, at: position) ? startingWith[Int(window[position])] : 0
            while candidates != 0 {
                let index = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let word = words[index]
                let wordEnd = position + word.length
                guard wordEnd <= start else { continue }
                let distance = start - wordEnd
                if !word.positive && start - position > Self.negativeLookBehind { continue }
                if let current = best, current.distance < distance { continue }
                if matches(word, in: window, at: position) {
                    consider(ContextHit(word: texts[index], isPositive: word.positive, distance: distance), &best)
                }
            }
            if let current = best, start - position > current.distance + 64 { break }
            position -= 1
        }
        // Ahead: the first occurrence after the match.
        let aheadTo = min(window.count, end + lookAhead)
        position = end
        while position < aheadTo {
            if let current = best, position - end > current.distance { break }
            var candidates = Self.startsWord(in: window, at: position) ? startingWith[Int(window[position])] : 0
            while candidates != 0 {
                let index = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let word = words[index]
                // A negative word must be the value's own label, before it: a word after it
                // labels the next value (`SSN: 401237788 Phone: …`).
                guard word.positive, position + word.length <= aheadTo else { continue }
                if matches(word, in: window, at: position) {
                    consider(ContextHit(word: texts[index], isPositive: word.positive, distance: position - end), &best)
                }
            }
            position += 1
        }
        return best
    }

    /// The first context word found in a table column's name (`patient_ssn`, `routing number`).
    func classify(column name: String) -> ContextHit? {
        let bytes = Array(name.utf8)
        return bytes.withUnsafeBytes { raw in
            for (index, word) in words.enumerated() where word.length <= raw.count {
                for position in 0...(raw.count - word.length) where matches(word, in: raw, at: position) {
                    return ContextHit(word: texts[index], isPositive: word.positive, distance: 0, inColumn: true)
                }
            }
            return nil
        }
    }

    private func consider(_ hit: ContextHit, _ best: inout ContextHit?) {
        guard let current = best else { best = hit; return }
        if hit.distance < current.distance || (hit.distance == current.distance && hit.isPositive && !current.isPositive) {
            best = hit
        }
    }

    private func matches(_ word: Word, in window: UnsafeRawBufferPointer, at position: Int) -> Bool {
        for index in 0..<word.length where Self.lower(window[position + index]) != letters[word.offset + index] {
            return false
        }
        let end = position + word.length
        let endsWord = end == window.count || !Self.isLetter(window[end])
            || (Self.isLower(window[end - 1]) && Self.isUpper(window[end]))
        return Self.startsWord(in: window, at: position) && endsWord
    }

    /// Whether a word can begin at `position`: after a byte that is not a letter or digit, or at a
    /// camelCase step (`patientSSN`).
    @inline(__always)
    private static func startsWord(in window: UnsafeRawBufferPointer, at position: Int) -> Bool {
        position == 0 || !isAlphanumeric(window[position - 1]) || (isLower(window[position - 1]) && isUpper(window[position]))
    }

    static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }
    static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
}

// What a field's name says it holds, by its words rather than a fixed list of
// spellings: `pt_mrn`, `MedRecNum`, `Chart #`, `birthdate_dt`, `DOB (mm/dd/yyyy)`,
// `soc_sec_no`, `Subscriber #`, `HomePh`, `patientIdentifier`. A name is split into
// words (snake_case, camelCase, spaces, punctuation), abbreviations are expanded, and
// the longest known phrase wins (ties: the one ending last, the head of an English
// compound). The words and abbreviations are rule data (`Rules/structure.json`).

/// Classifies column, key and element names.
public struct FieldVocabulary: Sendable {
    private let abbreviations: [String: [String]]
    /// Phrases as words, with what they name; longest first.
    private let phrases: [(words: [String], kind: FieldKind)]

    init(abbreviations: [String: String], phrases: [(String, FieldKind)]) {
        self.abbreviations = abbreviations.mapValues { $0.split(separator: " ").map(String.init) }
        self.phrases = phrases.map { (Self.split($0.0), $0.1) }.filter { !$0.0.isEmpty }.sorted { $0.words.count > $1.words.count }
    }

    /// What `name` names, or nil when its words say nothing known.
    public func classify(_ name: String) -> FieldKind? {
        let words = self.words(name)
        guard !words.isEmpty else { return nil }
        var best: (length: Int, end: Int, kind: FieldKind)?
        for phrase in phrases {
            let n = phrase.words.count
            guard n <= words.count else { continue }
            if let best, best.length > n { break }  // longest first: shorter ones can no longer win
            for start in stride(from: words.count - n, through: 0, by: -1) where Array(words[start..<(start + n)]) == phrase.words {
                let end = start + n
                if best == nil || end > best!.end { best = (n, end, phrase.kind) }
                break
            }
        }
        return best?.kind
    }

    /// `name`'s words, lowercased, abbreviations expanded.
    func words(_ name: String) -> [String] {
        Self.split(name).flatMap { abbreviations[$0] ?? [$0] }
    }

    /// Splits on anything but letters and digits, and at camelCase steps (`MedRecNum`,
    /// `SSNNumber` -> ssn number). `#` is a word of its own (`Chart #`).
    static func split(_ name: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(name)
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current.removeAll()
        }
        for (index, character) in characters.enumerated() {
            if character == "#" {
                flush()
                words.append("#")
                continue
            }
            guard character.isLetter || character.isNumber else { flush(); continue }
            if let previous = current.last {
                let step = (previous.isLowercase && character.isUppercase)
                    || (previous.isUppercase && character.isUppercase && index + 1 < characters.count && characters[index + 1].isLowercase)
                if step { flush() }
            }
            current.append(character)
        }
        flush()
        return words
    }
}


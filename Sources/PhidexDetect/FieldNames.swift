// Field names (keys, element names) and what the vocabulary says of them, classified once
// per scanning task: a record's keys repeat in every record, and classifying is string work.

/// Field names already classified, per stream: a record's keys repeat in every record.
final class FieldNames {
    private let vocabulary: FieldVocabulary
    private var kinds: [String: FieldKind?] = [:]
    private var split: [String: [String]] = [:]
    /// Past this many distinct names (keys that are data, not names), classify without keeping.
    static let limit = 4096

    init(vocabulary: FieldVocabulary) {
        self.vocabulary = vocabulary
    }

    func kind(_ name: String) -> FieldKind? {
        if let known = kinds[name] { return known }
        let kind = vocabulary.classify(name)
        if kinds.count < Self.limit { kinds[name] = kind }
        return kind
    }

    func words(_ name: String) -> [String] {
        if let known = split[name] { return known }
        let words = vocabulary.words(name)
        if split.count < Self.limit { split[name] = words }
        return words
    }
}

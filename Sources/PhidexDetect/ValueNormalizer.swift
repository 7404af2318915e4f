// The canonical form of a value a user types (`phidex query --ssn 401-23-7788`),
// identical to the one detectors produce, so both hash to the same value key.

public import PhidexCore

/// Normalizes user-supplied identifier values.
public enum ValueNormalizer {
    /// The namespaced canonical value of `text` as an identifier of `type`, or nil if it cannot
    /// be one. The SSN family (ssn, itin, atin, irsn, ssn_never_issued) shares one namespace:
    /// they are all nine-digit taxpayer numbers.
    public static func normalize(_ text: String, as type: IdentifierType) -> String? {
        let alphanumerics = String(text.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            .uppercased()
        switch type {
        case .ssn, .itin, .atin, .irsn, .ssnNeverIssued:
            let digits = text.unicodeScalars.filter { !["-", " ", "."].contains($0) }
            guard digits.count == 9, digits.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else { return nil }
            return "tin:" + String(String.UnicodeScalarView(digits))
        case .mbi:
            return Array(alphanumerics.utf8).withUnsafeBytes { Validators.mbi($0)?.0 }
        case .dea:
            return Array(alphanumerics.utf8).withUnsafeBytes { Validators.dea($0)?.0 }
        case .npi:
            let digits = Array(alphanumerics.utf8)
            guard digits.count == 10, digits.allSatisfy(ContextWords.isDigit) else { return nil }
            return "npi:" + alphanumerics
        case .hicn:
            guard alphanumerics.utf8.count >= 10, alphanumerics.utf8.prefix(9).allSatisfy(ContextWords.isDigit) else { return nil }
            return "hicn:" + alphanumerics
        case .dob:
            return Array(text.utf8).withUnsafeBytes { DateShape.read($0, at: 0) }.map(\.normalized)
        case .phone:
            var digits = text.filter(\.isNumber)
            if digits.count == 11 && digits.hasPrefix("1") { digits.removeFirst() }
            return digits.count == 10 ? "phone:" + digits : nil
        case .email:
            let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
            return lower.contains("@") ? "email:" + lower : nil
        case .name:
            // Order-free: `Quill, Avery`, `AVERY QUILL` and `QUILL^AVERY` are one name.
            let words = text.uppercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" })
            return words.isEmpty ? nil : "name:" + words.sorted().joined(separator: " ")
        case .mrn, .memberID:
            return alphanumerics.isEmpty ? nil : namespace(type) + alphanumerics
        default:
            return nil
        }
    }

    /// `normalize(_:as: .name)` for bytes a detector found, without Unicode tables when they
    /// are ASCII (the usual case, and a hot path on name-dense exports); the same result.
    static func name(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return normalize(String(decoding: bytes, as: UTF8.self), as: .name) }
        var words: [ArraySlice<UInt8>] = []
        let upper = bytes.map { ContextWords.isLower($0) ? $0 & ~0x20 : $0 }
        var start = 0
        for index in 0...upper.count {
            let inWord = index < upper.count
                && (ContextWords.isLetter(upper[index]) || upper[index] == 0x27 || upper[index] == 0x2D)
            if inWord { continue }
            if index > start { words.append(upper[start..<index]) }
            start = index + 1
        }
        guard !words.isEmpty else { return nil }
        words.sort { $0.lexicographicallyPrecedes($1) }
        var result: [UInt8] = Array("name:".utf8)
        for (index, word) in words.enumerated() {
            if index > 0 { result.append(0x20) }
            result.append(contentsOf: word)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The namespace prefix of a label-found identifier type (`mrn:`, `member_id:`).
    static func namespace(_ type: IdentifierType) -> String { type.rawValue + ":" }
}

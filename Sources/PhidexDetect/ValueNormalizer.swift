// The canonical form of a value a user types (`phidex query --ssn 401-23-7788`),
// identical to the one detectors produce, so both hash to the same value key.

import Foundation
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
            guard (7...9).contains(digits.count), digits.allSatisfy({ $0.value >= 48 && $0.value <= 57 }),
                digits.count == 9 || digits.first != "0"
            else { return nil }
            // Seven or eight digits, the first not a zero: a number that lost its leading zeros in
            // a numeric column.
            return "tin:" + String(repeating: "0", count: 9 - digits.count) + String(String.UnicodeScalarView(digits))
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
            return phone(text)
        case .address:
            return address(text)
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

    /// A North American number's ten digits (`phone:3035550142`): a `tel:` scheme, a `+1` or `1`
    /// trunk prefix and an extension (`x12`, `ext. 12`, `;ext=12`) set aside; area code and
    /// exchange must start with 2-9 (NANP).
    ///
    /// A number that is not North American is kept too: written with a `+` and its country code (`+31 20 123 4567` -> `phone:+31201234567`), or as its 7 to 15
    /// digits when there are 10 to 15 (`(03) 5555 6473` -> `phone:0355556473`) — for fields that structure or a label
    /// already calls a phone number, and for values a user or a truth file gives.
    static func phone(_ text: String) -> String? {
        var rest = Substring(text.lowercased().trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("tel:") { rest = rest.dropFirst(4) }
        let plus = rest.hasPrefix("+")
        var digits: [UInt8] = []
        for byte in rest.utf8 {
            if ContextWords.isDigit(byte) {
                digits.append(byte)
            } else if ContextWords.isLetter(byte) || byte == 0x3B || byte == 0x2C || byte == 0x23 {
                guard !digits.isEmpty else { return nil }  // letters before the number: not a phone
                break  // an extension or a parameter follows
            } else if !(byte == 0x20 || byte == 0x2D || byte == 0x2E || byte == 0x28 || byte == 0x29 || byte == 0x2B || byte == 0x2F || byte == 0x09) {
                return nil
            }
        }
        if digits.count == 10 || (digits.count == 11 && digits[0] == 0x31) {
            var local = digits
            if local.count == 11 { local.removeFirst() }
            if local[0] >= 0x32, local[3] >= 0x32 { return "phone:" + String(decoding: local, as: UTF8.self) }
        }
        guard (plus ? 8 : 10)...15 ~= digits.count, !(plus && digits.first == 0x31) else { return nil }
        return "phone:" + (plus ? "+" : "") + String(decoding: digits, as: UTF8.self)
    }

    /// Street-suffix, unit and direction words in USPS's abbreviations (Publication 28).
    static let addressWords: [String: String] = [
        "STREET": "ST", "AVENUE": "AVE", "AV": "AVE", "ROAD": "RD", "DRIVE": "DR", "LANE": "LN", "BOULEVARD": "BLVD",
        "COURT": "CT", "PLACE": "PL", "TERRACE": "TER", "CIRCLE": "CIR", "HIGHWAY": "HWY", "PARKWAY": "PKWY",
        "SQUARE": "SQ", "TRAIL": "TRL", "WAY": "WAY", "SUITE": "STE", "APARTMENT": "APT", "UNIT": "UNIT",
        "NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W", "NORTHEAST": "NE", "NORTHWEST": "NW",
        "SOUTHEAST": "SE", "SOUTHWEST": "SW", "MOUNT": "MT", "FORT": "FT", "SAINT": "ST",
    ]

    /// `address:12 ELM ST SPRINGFIELD IL 62704`: words uppercased, USPS abbreviations, a ZIP+4's
    /// last four digits and a trailing country dropped. Needs a digit and a word of letters.
    static func address(_ text: String) -> String? {
        var words = text.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { addressWords[String($0)] ?? String($0) }
        while let last = words.last, ["US", "USA", "UNITED", "STATES", "AMERICA", "OF"].contains(last), words.count > 3 { words.removeLast() }
        // ZIP+4: a five-digit word followed by a four-digit word at the end.
        if words.count >= 2, let last = words.last, last.count == 4, last.allSatisfy(\.isNumber),
            words[words.count - 2].count == 5, words[words.count - 2].allSatisfy(\.isNumber)
        {
            words.removeLast()
        }
        guard words.count >= 2, words.contains(where: { $0.contains(where: \.isNumber) }),
            words.contains(where: { $0.count >= 2 && $0.allSatisfy(\.isLetter) })
        else { return nil }
        return "address:" + words.joined(separator: " ")
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

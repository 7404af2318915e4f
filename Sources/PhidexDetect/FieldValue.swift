// A value whose type the structure around it already names (HL7 PID-19, a FHIR
// identifier of system us-ssn, a `soc_sec_no` key): it is still checked as that
// type (an SSN must be issuable nine digits, an NPI must pass its check digit, a
// phone must be a North American number) and normalized by `ValueNormalizer`, the
// one normalizer per type that `query` and `eval` use too.

import Foundation
import PhidexCore

/// Turns typed values into matches under the catalogue's rule for their type.
struct FieldValues: Sendable {
    private struct Entry: Sendable { var id: RuleID; var confidence: Double }
    private let rules: [IdentifierType: Entry]
    private let policy: StructurePolicy

    init(catalogue: RuleCatalogue, policy: StructurePolicy) {
        self.policy = policy
        var rules: [IdentifierType: Entry] = [:]
        for rule in catalogue.rules where rules[rule.type] == nil && rule.type != .clinicalTerm {
            rules[rule.type] = Entry(id: rule.id, confidence: rule.confidence)
        }
        self.rules = rules
    }

    /// Confidence added to a rule's own when structure, not a label, names the value.
    static let structureBonus = 0.1

    /// The match for `text` read as `kind` at `span`, or nil when it is not a valid value of it.
    func match(_ kind: FieldKind, _ text: String, span: ByteSpan, how: String) -> Match? {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, value.utf8.count <= 256 else { return nil }
        switch kind {
        case .other:
            return nil
        case .medicare:
            return match(.identifier(.mbi), value, span: span, how: how)
                ?? match(.identifier(.hicn), value, span: span, how: how)
                ?? match(.identifier(.memberID), value, span: span, how: how)
        case .identifier(let type):
            return identifier(type, value, span: span, how: how)
        }
    }

    private func identifier(_ type: IdentifierType, _ value: String, span: ByteSpan, how: String) -> Match? {
        var type = type
        var check = ""
        let normalized: String
        let masked: String
        switch type {
        case .ssn, .itin, .atin, .irsn:
            // A number column drops an SSN's leading zeros (012-34-5678 stored as 12345678): the
            // normalizer restores them.
            guard let canonical = ValueNormalizer.normalize(value, as: .ssn) else { return nil }
            let digits = String(canonical.dropFirst(4))
            guard let (family, reason) = SSNDetector.classify(digits: digits) else { return nil }
            type = family
            check = reason
            normalized = "tin:" + digits
            masked = "*****" + digits.suffix(4)
        case .phone:
            guard let digits = ValueNormalizer.normalize(value, as: .phone) else { return nil }
            normalized = digits
            masked = "(***) ***-" + digits.suffix(4)
            check = "North American number"
        case .email:
            let address = value.lowercased().hasPrefix("mailto:") ? String(value.dropFirst(7)) : value
            guard let at = address.firstIndex(of: "@"), address.firstIndex(of: "@") == address.lastIndex(of: "@"),
                at != address.startIndex, address[address.index(after: at)...].contains("."),
                !address.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }),
                let email = ValueNormalizer.normalize(address, as: .email)
            else { return nil }
            normalized = email
            masked = "***@" + address[address.index(after: at)...].lowercased()
        case .dob:
            guard let date = ValueNormalizer.normalize(value, as: .dob) else { return nil }
            normalized = date
            masked = "****-**-**"
        case .name:
            guard value.contains(where: \.isLetter), !value.contains(where: \.isNumber),
                let name = ValueNormalizer.normalize(value, as: .name), !policy.isNotAName(name)
            else { return nil }
            normalized = name
            masked = Self.maskWords(value)
        case .address:
            guard let address = ValueNormalizer.normalize(value, as: .address) else { return nil }
            normalized = address
            masked = Self.maskWords(value)
        case .npi:
            let digits = Array(value.utf8.filter(ContextWords.isDigit))
            guard digits.count == 10, value.utf8.allSatisfy({ ContextWords.isDigit($0) || $0 == 0x2D || $0 == 0x20 }),
                Validators.npiLuhn(digits.map { $0 - 0x30 }),
                let npi = ValueNormalizer.normalize(value, as: .npi)
            else { return nil }
            normalized = npi
            masked = "******" + npi.suffix(4)
            check = "Luhn over 80840 holds"
        case .mbi, .dea, .hicn:
            guard let canonical = ValueNormalizer.normalize(value, as: type) else { return nil }
            if type == .hicn {
                // Nine SSN digits and a beneficiary code of one or two characters.
                let rest = canonical.dropFirst("hicn:".count)
                guard (10...11).contains(rest.utf8.count), SSNDetector.classify(digits: String(rest.prefix(9))) != nil else { return nil }
            }
            normalized = canonical
            masked = String(repeating: "*", count: max(0, value.count - 4)) + value.suffix(4)
        default:
            // MRN, member ID and other record numbers: letters, digits and dashes, at least one digit.
            let characters = value.unicodeScalars
            guard (3...64).contains(characters.count), characters.contains(where: { ("0"..."9").contains($0) }),
                characters.allSatisfy({ ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "-. /_".unicodeScalars.contains($0) }),
                let canonical = ValueNormalizer.normalize(value, as: type),
                Set(canonical.dropFirst(type.rawValue.count + 1)).count > 1  // 999999999, 0000: placeholders
            else { return nil }
            normalized = canonical
            masked = Array(value.utf8).withUnsafeBytes { PatternDetector.mask($0) }
        }
        guard let rule = rules[type] else { return nil }
        return Match(
            rule: rule.id, type: type, span: span, confidence: min(0.99, rule.confidence + Self.structureBonus),
            reason: check.isEmpty ? how : how + "; " + check, normalized: normalized, masked: masked)
    }

    /// Each word's first character kept, the rest masked.
    static func maskWords(_ text: String) -> String {
        var inWord = false
        return String(text.map { character -> Character in
            let isWord = character.isLetter || character.isNumber
            defer { inWord = isWord }
            return isWord && inWord ? "*" : character
        })
    }
}

extension UnicodeScalar {
    fileprivate var isASCII: Bool { value < 0x80 }
}

// The detection policy of structured records, decoded from `Rules/structure.json`:
// field vocabulary, identifier type codes (HL7 table 0203), identifier systems and
// OIDs, HL7 v2 fields by data type, and the coding systems whose values are codes.
// Nothing here is Swift policy: the readers look things up, the data decides.

import Foundation
import PhidexCore

/// `Rules/structure.json`, decoded and indexed for lookups.
public struct StructurePolicy: Sendable {
    public let vocabulary: FieldVocabulary
    /// HL7 table 0203 identifier type codes (CX-5, FHIR `identifier.type.coding.code`), uppercased.
    let typeCodes: [String: FieldKind]
    /// Identifier systems (FHIR `system`, CDA `root`, HL7 authority OIDs), lowercased.
    let systems: [String: FieldKind]
    /// Coding systems by name (HL7 CE-3), uppercased; and prefixes of coding system names and URIs.
    let codingSystems: Set<String>
    let codingSystemPrefixes: [String]
    /// HL7 v2 fields: `SEG` -> field number (0 = every field) -> role.
    let hl7Fields: [String: [Int: HL7FieldRole]]
    /// CX fields without a type code: what their identifiers are (`PID-3` -> mrn).
    let untypedCX: [String: FieldKind]
    public let examples: [StructureExample]
    /// Words that may sit between a label and its value (`MRN no.`, `DOB (mm/dd/yyyy):`).
    let labelFillers: Set<String>
    /// Words of organizations' names and placeholders, and whole placeholder names (uppercase).
    let organizationWords: Set<String>
    let placeholderWords: Set<String>
    let placeholderNames: Set<String>
    /// The file as written, for its documentation.
    private let source: File

    private struct File: Decodable, Sendable {
        var about: String
        var label_fillers: [String]
        var not_names: NotNames
        struct NotNames: Decodable, Sendable {
            var about: String
            var organization_words: [String]
            var placeholder_words: [String]
            var placeholder_names: [String]
        }
        var abbreviations: [String: String]
        var fields: [Field]
        var other: [String]
        var identifier_type_codes: [String: String]
        var systems: [String: String]
        var coding_systems: [String]
        var coding_system_prefixes: [String]
        var hl7: HL7
        var examples: [StructureExample]
        struct Field: Decodable, Sendable { var type: String; var phrases: [String] }
        struct HL7: Decodable, Sendable { var about: String; var untyped_cx: [String: String]; var fields: [String: [String: String]] }
    }

    public init(json: [UInt8]) throws {
        let file = try JSONDecoder().decode(File.self, from: Data(json))
        var phrases: [(String, FieldKind)] = []
        for field in file.fields {
            guard let kind = FieldKind(field.type) else { continue }
            phrases += field.phrases.map { ($0, kind) }
        }
        phrases += file.other.map { ($0, .other) }
        vocabulary = FieldVocabulary(abbreviations: file.abbreviations, phrases: phrases)
        typeCodes = Dictionary(file.identifier_type_codes.compactMap { key, value in FieldKind(value).map { (key.uppercased(), $0) } }) { a, _ in a }
        systems = Dictionary(file.systems.compactMap { key, value in FieldKind(value).map { (key.lowercased(), $0) } }) { a, _ in a }
        codingSystems = Set(file.coding_systems.map { $0.uppercased() })
        codingSystemPrefixes = file.coding_system_prefixes.map { $0.lowercased() }
        var fields: [String: [Int: HL7FieldRole]] = [:]
        for (segment, map) in file.hl7.fields {
            var roles: [Int: HL7FieldRole] = [:]
            for (number, role) in map { roles[number == "*" ? 0 : Int(number) ?? -1] = HL7FieldRole(role) }
            fields[segment] = roles
        }
        hl7Fields = fields
        untypedCX = file.hl7.untyped_cx.compactMapValues(FieldKind.init)
        examples = file.examples
        labelFillers = Set(file.label_fillers)
        organizationWords = Set(file.not_names.organization_words.map { $0.uppercased() })
        placeholderWords = Set(file.not_names.placeholder_words.map { $0.uppercased() })
        // Compared as `ValueNormalizer` normalizes names: words sorted.
        placeholderNames = Set(file.not_names.placeholder_names.compactMap { ValueNormalizer.normalize($0, as: .name) })
        source = file
    }

    /// The built-in policy.
    public static let builtIn: StructurePolicy = {
        do {
            return try StructurePolicy(json: PackageResources.structure_json)
        } catch {
            fatalError("built-in structure policy is malformed: \(error)")
        }
    }()

    /// What an identifier system or OID names, if known.
    func system(_ text: String) -> FieldKind? {
        var key = text.lowercased()
        if let kind = systems[key] { return kind }
        if key.hasPrefix("urn:oid:") { key.removeFirst(8) } else { key = "urn:oid:" + key }
        return systems[key]
    }

    /// Whether a normalized name (`name:AVERY QUILL`) is an organization's or a placeholder.
    func isNotAName(_ normalized: String) -> Bool {
        if placeholderNames.contains(normalized) { return true }
        return normalized.dropFirst(5).split(separator: " ").contains { organizationWords.contains(String($0)) || placeholderWords.contains(String($0)) }
    }

    /// Whether `name` is a coding system (HL7 CE-3 name, an OID of HL7's code systems, a terminology URI).
    func isCodingSystem(_ name: String) -> Bool {
        let upper = name.uppercased()
        if codingSystems.contains(upper) { return true }
        let lower = name.lowercased()
        return codingSystemPrefixes.contains { lower.hasPrefix($0) }
    }

    /// The policy as Markdown, for docs/detectors.md.
    public func markdown() -> String {
        func list(_ items: [String]) -> String { items.map { "`\($0)`" }.joined(separator: ", ") }
        var lines = ["", "## Structure: `Rules/structure.json`", "", source.about, ""]
        lines += ["### Field names, by their words", "",
                  "Column, key and element names are split into words (snake_case, camelCase, spaces, punctuation), "
                    + "abbreviations are expanded, and the longest phrase found wins (ties: the one ending last).", "",
                  "| names | phrases |", "|---|---|"]
        for field in source.fields { lines.append("| `\(field.type)` | \(list(field.phrases)) |") }
        lines.append("| not an identifier | \(list(source.other)) |")
        lines += ["", "Words that may sit between a label and its value: " + list(source.label_fillers) + "."]
        lines += ["", "Not a person's name: " + source.not_names.about + " Organization words: " + list(source.not_names.organization_words)
            + ". Placeholder words: " + list(source.not_names.placeholder_words) + ". Placeholder names: " + list(source.not_names.placeholder_names) + "."]
        lines += ["", "Abbreviations: " + source.abbreviations.sorted { $0.key < $1.key }.map { "`\($0.key)` = \($0.value)" }.joined(separator: ", ") + "."]
        lines += ["", "### Identifier type codes (HL7 table 0203; FHIR `identifier.type`)", "",
                  source.identifier_type_codes.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value)" }.joined(separator: ", ") + "."]
        lines += ["", "### Identifier systems and OIDs", "", "| system | identifier |", "|---|---|"]
        for (system, type) in source.systems.sorted(by: { $0.key < $1.key }) { lines.append("| `\(system)` | `\(type)` |") }
        lines += ["", "### Coding systems (their values are codes, never identifiers)", "",
                  list(source.coding_systems) + "; and names starting with " + list(source.coding_system_prefixes) + "."]
        lines += ["", "### HL7 v2 fields by data type", "", source.hl7.about, "", "| segment | fields |", "|---|---|"]
        for (segment, fields) in source.hl7.fields.sorted(by: { $0.key < $1.key }) where !fields.isEmpty {
            let text = fields.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { "\($0.key == "*" ? "all" : segment + "-" + $0.key) \($0.value)" }
            lines.append("| `\(segment)` | \(text.joined(separator: ", ")) |")
        }
        lines += ["", "CX fields without a type code: " + source.hl7.untyped_cx.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "."]
        lines += ["", "### Examples (checked by `phidex rules check`)", ""]
        for example in source.examples {
            let text = example.text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "|", with: "\\|")
            lines.append("- `\(text)`")
            lines.append("  - finds: " + example.expect.map { $0.joined(separator: " ") }.joined(separator: "; "))
            if !example.never.isEmpty { lines.append("  - never: " + example.never.map { $0.joined(separator: " ") }.joined(separator: "; ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

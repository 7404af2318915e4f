// "Which of these values appear?": a list of values (one per line, or one column of a CSV
// with a header) normalized and keyed with the index's key. The values are dropped as soon
// as they are keyed; each key is labelled by the line numbers it came from (`#3,#9`), which
// is what the CLI and the console show in place of a value.

import Foundation
public import PhidexCore
import PhidexDetect
public import PhidexIndex

/// A list of values to look up, keyed.
public struct ValueList: Sendable {
    /// Each listed value's key, labelled by its line numbers (1-based, `#3,#9`).
    public private(set) var labels: [Int64: String] = [:]
    /// Lines whose value is not a valid value of the type (they are skipped).
    public private(set) var unreadableLines: [Int] = []
    /// Non-empty values listed (repeats included).
    public private(set) var listed = 0

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads `text`: every line a value, or with `column`, the named column of a CSV whose first
    /// line is the header (fields may be quoted, with `""` for a quote). Messages name lines and
    /// columns, never values.
    public init(text: String, column: String?, type: IdentifierType, keyer: ValueKeyer) throws(Failure) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var columnIndex: Int?
        if let column {
            let header = (lines.first.map(Self.fields) ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let index = header.firstIndex(of: column.lowercased()) else {
                throw Failure(message: "the list has no column '\(column)' in its header")
            }
            columnIndex = index
            if !lines.isEmpty { lines[0] = "" }
        }
        for (number, line) in lines.enumerated() {
            var value = line
            if let columnIndex {
                let fields = Self.fields(line)
                guard columnIndex < fields.count else { continue }
                value = fields[columnIndex]
            }
            value = value.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\"\t")))
            guard !value.isEmpty else { continue }
            listed += 1
            guard let normalized = ValueNormalizer.normalize(value, as: type) else {
                unreadableLines.append(number + 1)
                continue
            }
            let key = keyer.key(for: normalized)
            labels[key] = labels[key].map { $0 + ",#\(number + 1)" } ?? "#\(number + 1)"
        }
    }

    /// The key of one value, or nil when it is not a valid value of `type`.
    public static func key(of value: String, as type: IdentifierType, keyer: ValueKeyer) -> Int64? {
        ValueNormalizer.normalize(value, as: type).map(keyer.key(for:))
    }

    /// The fields of one CSV line (RFC 4180 quoting; a quoted field may hold commas).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    // `""` inside quotes is a quote; a lone quote ends the quoted part.
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else if next == "," { quoted = false; fields.append(field); field = "" } else { quoted = false; field.append(next) }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    /// Line numbers for a message: the first twenty, then an ellipsis.
    public static func lineList(_ lines: [Int]) -> String {
        lines.prefix(20).map(String.init).joined(separator: ", ") + (lines.count > 20 ? ", …" : "")
    }
}

// Minimal JSON writing with a fixed field order. `report --format jsonl` and
// the index's option records promise stable field names and order; writing
// the text directly keeps that promise explicit (JSONEncoder would sort keys
// or not, but never in the documented order).

/// Builds one JSON object, field by field, in the order given.
public struct JSONObject: Sendable {
    private var text = "{"
    private var empty = true

    public init() {}

    private mutating func key(_ name: String) {
        if !empty { text += "," }
        empty = false
        text += JSONText.string(name) + ":"
    }

    public mutating func add(_ name: String, _ value: String?) {
        key(name)
        text += value.map(JSONText.string) ?? "null"
    }

    public mutating func add(_ name: String, _ value: Int64) {
        key(name)
        text += String(value)
    }

    public mutating func add(_ name: String, _ value: Int) { add(name, Int64(value)) }

    public mutating func add(_ name: String, _ value: Double) {
        key(name)
        text += value.isFinite ? String(value) : "null"
    }

    public mutating func add(_ name: String, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    public mutating func add(_ name: String, strings: [String]) {
        key(name)
        text += JSONText.array(strings)
    }

    /// Adds pre-rendered JSON (an object or array built elsewhere).
    public mutating func add(_ name: String, raw json: String) {
        key(name)
        text += json
    }

    public var rendered: String { text + "}" }
}

/// JSON literals.
public enum JSONText {
    /// A JSON string literal for `string`.
    public static func string(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON array of strings.
    public static func array(_ strings: [String]) -> String {
        "[" + strings.map(string).joined(separator: ",") + "]"
    }
}

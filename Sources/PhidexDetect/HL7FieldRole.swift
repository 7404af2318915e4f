// The HL7 v2 data type a field is read as (Rules/structure.json, "hl7" "fields").

/// The HL7 v2 data type a field is read as.
enum HL7FieldRole: Sendable, Hashable {
    case cx, xpn, xtn, xad, xcn, birth, coded, other
    case value(FieldKind)

    init(_ text: String) {
        switch text {
        case "cx": self = .cx
        case "xpn": self = .xpn
        case "xtn": self = .xtn
        case "xad": self = .xad
        case "xcn": self = .xcn
        case "birth": self = .birth
        case "coded": self = .coded
        case "other": self = .other
        default: self = .value(FieldKind(text) ?? .other)
        }
    }
}

// What a field's name, an identifier type code or an identifier system says its value is.

public import PhidexCore

/// What a field, an identifier type code or a system says a value is.
public enum FieldKind: Sendable, Hashable {
    /// An identifier of this type.
    case identifier(IdentifierType)
    /// A Medicare number: an MBI when it has the MBI's shape, else an HICN, else a member ID.
    case medicare
    /// A known non-identifier (order, account, visit, control numbers, codes, dates of service).
    case other

    init?(_ text: String) {
        switch text {
        case "other", "coded": self = .other
        case "medicare": self = .medicare
        case "": return nil
        default: self = .identifier(IdentifierType(text))
        }
    }
}

// The canonical form of a value a user types (`phidex query --ssn 401-23-7788`),
// identical to the one detectors produce, so both hash to the same value key.

public import PhidexCore

/// Normalizes user-supplied identifier values.
public enum ValueNormalizer {
    /// The namespaced canonical value of `text` as an identifier of `type`, or nil if it cannot
    /// be one. The SSN family (ssn, itin, atin, irsn, ssn_never_issued) shares one namespace:
    /// they are all nine-digit taxpayer numbers.
    public static func normalize(_ text: String, as type: IdentifierType) -> String? {
        switch type {
        case .ssn, .itin, .atin, .irsn, .ssnNeverIssued:
            let digits = text.unicodeScalars.filter { !["-", " ", "."].contains($0) }
            guard digits.count == 9, digits.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else { return nil }
            return "tin:" + String(String.UnicodeScalarView(digits))
        default:
            return nil
        }
    }
}

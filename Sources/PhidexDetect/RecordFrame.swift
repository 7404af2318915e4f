// An open record while a structure reader reads it: the short scalar values of a JSON
// object or an XML element with children, kept until it closes.

import PhidexCore

/// A scalar value a record holds: its key, its text (unescaped, at most `RecordFrame.maximumText`
/// bytes) and where its raw bytes are.
struct RecordScalar {
    var key: String
    var text: String
    var span: ByteSpan
}

/// An open object (JSON) or element with children (XML) and what it has shown so far.
struct RecordFrame {
    /// The key (JSON) or element name (XML) the object sits under; array elements take the array's.
    var key: String
    var start: Int64
    var scalars: [RecordScalar] = []
    /// Codes of nested codings (`coding[].code`), handed up by `coding` and `type` objects.
    var codes: [String] = []
    /// Type codes of this identifier (`type.coding[].code`).
    var typeCodes: [String] = []
    /// `resourceType` (JSON) or the resource element's name (FHIR XML).
    var resourceType: String?

    static let maximumText = 512
    static let maximumScalars = 256

    init(key: String, start: Int64) {
        self.key = key
        self.start = start
    }

    func scalar(_ key: String) -> RecordScalar? { scalars.first { $0.key == key } }
}

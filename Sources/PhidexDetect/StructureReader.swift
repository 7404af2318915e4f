// Structured records read by their own rules, beside the byte detectors: HL7 v2
// messages by their delimiters and field data types, JSON and XML (FHIR, C-CDA,
// any keyed export) by their keys, elements and identifier systems. A reader is
// fed a stream's bytes as they arrive and says two things:
//   - matches: values whose type the structure names (PID-19, an identifier of
//     system us-ssn, a `soc_sec_no` key), checked as that type;
//   - claims: spans whose meaning the structure knows (a SNOMED CT `code`, an
//     order number, a visit number, a ZIP code, the parts of a name it reported
//     whole). A byte detector's match inside a claimed span is dropped: the
//     structure's reading wins.
// Readers keep bounded state (open elements and their short scalar values),
// never the document.

import PhidexCore

/// What a reader found in the bytes fed so far (stream offsets).
struct StructureOutput {
    var matches: [Match] = []
    var claims: [ByteSpan] = []

    mutating func claim(_ span: ByteSpan) {
        if span.length > 0 { claims.append(span) }
    }
}

/// A reader of one structured format.
protocol StructureReader: AnyObject {
    /// Reads `bytes`, the stream's bytes from `offset` on (offsets increase, no gaps).
    func add(_ bytes: UnsafeRawBufferPointer, at offset: Int64, into output: inout StructureOutput)
    /// The stream ended.
    func finish(into output: inout StructureOutput)
}

/// The formats a stream's first bytes announce.
enum StructureFormat: Equatable {
    case hl7, json, xml

    /// How many leading bytes `sniff` may need.
    static let sniffLength = 64

    /// The format `prefix` starts like (after a byte-order mark, white space and MLLP's start
    /// byte), nil when it is none of them or `complete` is false and more bytes could tell.
    static func sniff(_ prefix: [UInt8], complete: Bool) -> StructureFormat?? {
        var start = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < prefix.count, [0x20, 0x09, 0x0D, 0x0A, 0x0B].contains(prefix[start]) { start += 1 }
        guard start < prefix.count else { return complete ? .some(nil) : nil }
        switch prefix[start] {
        case 0x7B, 0x5B: return .some(.json)  // { [
        case 0x3C: return .some(.xml)  // <
        default: break
        }
        guard prefix.count - start >= 4 else { return complete ? .some(nil) : nil }
        let segment = String(decoding: prefix[start..<(start + 3)], as: UTF8.self)
        let delimiter = prefix[start + 3]
        if ["MSH", "FHS", "BHS"].contains(segment), !ContextWords.isAlphanumeric(delimiter), delimiter > 0x20 { return .some(.hl7) }
        // A message fragment starting at another segment (`PID|`), with the default delimiters.
        let name = prefix[start..<(start + 3)]
        if delimiter == 0x7C, ContextWords.isUpper(name.first!), name.allSatisfy({ ContextWords.isUpper($0) || ContextWords.isDigit($0) }) {
            return .some(.hl7)
        }
        return .some(nil)
    }
}

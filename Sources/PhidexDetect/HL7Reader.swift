// HL7 v2 messages read by their own delimiters and field data types
// (HL7 v2.5.1 chapter 2): the field separator is MSH-1 (or FHS-1, BHS-1 of a
// batch), the component, repetition, escape and subcomponent characters are MSH-2;
// segments end at CR, LF or CR LF. Each field is read as its data type says, per
// `Rules/structure.json`:
//   - CX lists (PID-2/3/4/18, MRG-1, IN1-49, …): each repetition's ID typed by CX-5
//     (table 0203: MR, SS, MB, MA, MC, …) or by its authority's OID;
//   - XPN names (PID-5, NK1-2, GT1-3, IN1-16): family^given^middle as one name;
//   - XTN (PID-13/14, NK1-5/6, GT1-6/7): phones and emails;
//   - XAD (PID-11, NK1-4, GT1-5, IN1-19): addresses;
//   - XCN providers (PV1-7/8/9/17, ORC-12, OBR-16, PD1-4, …): an NPI when CX-13 or the
//     authority says NPI, or the ten digits pass the NPI check;
//   - birth fields (PID-7, NK1-16, GT1-8, IN1-18), SSN fields (PID-19, GT1-12, NK1-37,
//     IN2-2), member numbers (IN1-36, IN2-8) and the Medicare number (IN2-6);
//   - coded (CE/CWE) and other known fields are claimed: their codes and numbers are
//     never identifiers. An unlisted field is claimed when its third component names
//     a coding system (SCT, LN, I10, …); OBX-5 when OBX-2 says it is coded or numeric.
// Each field is read when its separator arrives, so memory holds one field (at most
// `maximumField` bytes; a longer one is left to the detectors).

import PhidexCore

final class HL7Reader: StructureReader {
    private let values: FieldValues
    private let policy: StructurePolicy

    private var fieldSeparator: UInt8 = 0x7C
    private var component: UInt8 = 0x5E
    private var repetition: UInt8 = 0x7E
    private var escape: UInt8 = 0x5C
    private var subcomponent: UInt8 = 0x26

    private var segmentName: [UInt8] = []
    private var segmentStart: Int64 = 0
    /// Bytes of the segment seen so far (its name, then fields).
    private var segmentLength = 0
    private var field: [UInt8] = []
    private var fieldStart: Int64 = 0
    private var fieldNumber = 0
    private var fieldTruncated = false
    /// The current line is not a segment (no field separator after its name).
    private var skipping = false
    private var messageStart: Int64 = 0
    /// OBX-2: the value type of the observation whose OBX-5 follows.
    private var observationType = ""

    static let maximumField = 16 << 10
    /// OBX-2 value types whose OBX-5 holds codes, numbers or dates, never identifiers.
    static let codedObservations: Set<String> = ["CE", "CWE", "CNE", "CF", "NM", "SN", "DT", "DTM", "TS", "TM", "ID", "IS", "NA", "MA"]

    init(values: FieldValues, policy: StructurePolicy) {
        self.values = values
        self.policy = policy
    }

    func add(_ bytes: UnsafeRawBufferPointer, at offset: Int64, into output: inout StructureOutput) {
        for (index, byte) in bytes.enumerated() {
            let position = offset + Int64(index)
            if byte == 0x0D || byte == 0x0A || byte == 0x1C {
                endSegment(at: position, into: &output)
                continue
            }
            if skipping { continue }
            if segmentLength == 0 {
                if byte == 0x0B || byte == 0x20 || byte == 0x09 { continue }  // MLLP start, stray blanks
                segmentStart = position
            }
            segmentLength += 1
            if segmentLength <= 3 {
                segmentName.append(byte)
                continue
            }
            if segmentLength == 4 {
                if isHeader {
                    fieldSeparator = byte
                    fieldNumber = 1  // MSH-1 is the separator itself; MSH-2 follows
                    if segmentName == Array("MSH".utf8) { messageStart = segmentStart }
                } else {
                    guard byte == fieldSeparator else { skipping = true; continue }  // a line that is no segment
                    fieldNumber = 0
                }
                startField(at: position + 1)
                continue
            }
            if byte == fieldSeparator {
                endField(at: position, into: &output)
                startField(at: position + 1)
            } else if field.count < Self.maximumField {
                field.append(byte)
            } else {
                fieldTruncated = true
            }
        }
    }

    func finish(into output: inout StructureOutput) {
        endSegment(at: fieldStart + Int64(field.count), into: &output)
    }

    private var isHeader: Bool {
        segmentName == Array("MSH".utf8) || segmentName == Array("FHS".utf8) || segmentName == Array("BHS".utf8)
    }

    private func startField(at position: Int64) {
        fieldNumber += 1
        field.removeAll(keepingCapacity: true)
        fieldStart = position
        fieldTruncated = false
    }

    private func endSegment(at position: Int64, into output: inout StructureOutput) {
        if segmentLength > 4 && !skipping { endField(at: position, into: &output) }
        skipping = false
        segmentLength = 0
        segmentName.removeAll(keepingCapacity: true)
        field.removeAll(keepingCapacity: true)
    }

    private func endField(at position: Int64, into output: inout StructureOutput) {
        let name = String(decoding: segmentName, as: UTF8.self)
        let number = fieldNumber
        if isHeader && number == 2, field.count >= 4 {
            component = field[0]; repetition = field[1]; escape = field[2]; subcomponent = field[3]
        }
        guard !field.isEmpty, !fieldTruncated else { return }
        let span = ByteSpan(offset: fieldStart, length: field.count)
        let roles = policy.hl7Fields[name]
        let role = roles?[number] ?? roles?[0]
        let label = "\(name)-\(number)"
        var found = StructureOutput()
        switch role {
        case .other?, .coded?:
            found.claim(span)
        case .value(let kind)?:
            found.claim(span)
            for rep in repetitions() {
                let first = components(rep)[0]
                if let match = values.match(kind, text(first), span: self.span(first), how: "HL7 \(label)") { found.matches.append(match) }
            }
        case .birth?:
            found.claim(span)
            if let first = repetitions().first.map({ components($0)[0] }) {
                let date = String(text(first).prefix(8))
                if let match = values.match(.identifier(.dob), date, span: self.span(first), how: "HL7 \(label)") { found.matches.append(match) }
            }
        case .cx?:
            found.claim(span)
            for rep in repetitions() { identifier(rep, field: label, into: &found) }
        case .xpn?:
            found.claim(span)
            for rep in repetitions() {
                let parts = components(rep)
                let family = subcomponents(parts[0]).first ?? parts[0]
                let given = parts.count > 1 ? parts[1] : family.upperBound..<family.upperBound
                let middle = parts.count > 2 ? parts[2] : given.upperBound..<given.upperBound
                let whole = [text(given), text(middle), text(family)].filter { !$0.isEmpty }.joined(separator: " ")
                let end = [family, given, middle].filter { !$0.isEmpty }.map(\.upperBound).max() ?? family.upperBound
                if let match = values.match(.identifier(.name), whole, span: self.span(parts[0].lowerBound..<end), how: "HL7 \(label) (XPN)") {
                    found.matches.append(match)
                }
            }
        case .xtn?:
            found.claim(span)
            for rep in repetitions() { telecom(rep, field: label, into: &found) }
        case .xad?:
            found.claim(span)
            for rep in repetitions() {
                let parts = components(rep)
                guard let street = parts.first, !street.isEmpty else { continue }
                let line = subcomponents(street).first ?? street
                func part(_ i: Int) -> String? { i < parts.count ? text(parts[i]) : nil }
                let whole = RecordInterpreter.address(lines: [text(line)], city: part(2), state: part(3), zip: part(4))
                if let match = values.match(.identifier(.address), whole, span: self.span(street), how: "HL7 \(label) (XAD)") { found.matches.append(match) }
            }
        case .xcn?:
            found.claim(span)
            for rep in repetitions() { provider(rep, field: label, into: &found) }
        case nil:
            if name == "OBX" && number == 2 { observationType = text(0..<field.count).uppercased() }
            if name == "OBX" && number == 5 && Self.codedObservations.contains(observationType) {
                found.claim(span)
            } else if repetitions().contains(where: isCoded) {
                found.claim(span)
            }
        }
        for var match in found.matches {
            match.recordAnchor = messageStart
            output.matches.append(match)
        }
        output.claims.append(contentsOf: found.claims)
    }

    // MARK: Data types

    /// CX: ID ^ check digit ^ scheme ^ assigning authority (HD) ^ identifier type code …
    private func identifier(_ rep: Range<Int>, field label: String, into found: inout StructureOutput) {
        let parts = components(rep)
        guard !parts[0].isEmpty else { return }
        let code = parts.count > 4 ? text(parts[4]).uppercased() : ""
        var kind: FieldKind?
        if !code.isEmpty { kind = policy.typeCodes[code] ?? .other }
        if kind == nil || kind == .other, parts.count > 3 {
            for authority in subcomponents(parts[3]) {
                if let system = policy.system(text(authority)) { kind = system; break }
            }
        }
        if kind == nil { kind = policy.untypedCX[label] }
        guard let kind else { return }
        let how = "HL7 \(label) (CX" + (code.isEmpty ? ")" : " typed \(code))")
        if let match = values.match(kind, text(parts[0]), span: span(parts[0]), how: how) { found.matches.append(match) }
    }

    /// XTN: formatted number ^ use ^ equipment ^ email ^ country ^ area ^ local ^ extension …
    private func telecom(_ rep: Range<Int>, field label: String, into found: inout StructureOutput) {
        let parts = components(rep)
        func part(_ i: Int) -> Range<Int>? { i < parts.count && !parts[i].isEmpty ? parts[i] : nil }
        if let email = part(3), text(email).contains("@") {
            if let match = values.match(.identifier(.email), text(email), span: span(email), how: "HL7 \(label) (XTN email)") { found.matches.append(match) }
            return
        }
        var numbers: Set<String> = []
        if let area = part(5), let local = part(6) {
            let number = text(area) + text(local)
            if let match = values.match(.identifier(.phone), number, span: span(area.lowerBound..<local.upperBound), how: "HL7 \(label) (XTN area and local number)") {
                found.matches.append(match)
                numbers.insert(match.normalized)
            }
        }
        // XTN-1, the number as written (deprecated since v2.3, still the usual one): when it
        // says something else, it is reported too.
        if let first = part(0) {
            let value = text(first)
            let kind: FieldKind = value.contains("@") ? .identifier(.email) : .identifier(.phone)
            if let match = values.match(kind, value, span: span(first), how: "HL7 \(label) (XTN)"), !numbers.contains(match.normalized) {
                found.matches.append(match)
            }
        }
    }

    /// XCN: ID ^ family ^ given … ^ assigning authority (9) … ^ identifier type code (13).
    private func provider(_ rep: Range<Int>, field label: String, into found: inout StructureOutput) {
        let parts = components(rep)
        guard !parts[0].isEmpty else { return }
        let id = text(parts[0])
        let typeCode = parts.count > 12 ? text(parts[12]).uppercased() : ""
        let authority = parts.count > 8 ? text(parts[8]) : ""
        let typed = typeCode == "NPI" || authority.uppercased().contains("NPI")
            || subcomponents(parts.count > 8 ? parts[8] : 0..<0).contains { policy.system(text($0)) == .identifier(.npi) }
        let digits = id.utf8.filter(ContextWords.isDigit)
        guard typed || (digits.count == 10 && id.utf8.count == 10) else { return }
        let how = typed ? "HL7 \(label) (XCN typed NPI)" : "HL7 \(label) (XCN, ten digits)"
        if let match = values.match(.identifier(.npi), id, span: span(parts[0]), how: how) { found.matches.append(match) }
    }

    /// Whether a repetition is a coded element: its third (or sixth) component names a coding system.
    private func isCoded(_ rep: Range<Int>) -> Bool {
        let parts = components(rep)
        return [2, 5].contains { $0 < parts.count && !parts[$0].isEmpty && policy.isCodingSystem(text(parts[$0])) }
    }

    // MARK: Splitting and escapes

    private func repetitions() -> [Range<Int>] { split(0..<field.count, by: repetition) }
    private func components(_ range: Range<Int>) -> [Range<Int>] { split(range, by: component) }
    private func subcomponents(_ range: Range<Int>) -> [Range<Int>] { split(range, by: subcomponent) }

    private func split(_ range: Range<Int>, by separator: UInt8) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where field[i] == separator {
            parts.append(start..<i)
            start = i + 1
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    private func span(_ range: Range<Int>) -> ByteSpan { ByteSpan(offset: fieldStart + Int64(range.lowerBound), length: range.count) }

    /// The text of `range`, escapes undone (`\F\` `\S\` `\T\` `\R\` `\E\`, `\Xhh\`; formatting escapes dropped).
    private func text(_ range: Range<Int>) -> String {
        let bytes = field[range]
        guard bytes.contains(escape) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard field[i] == escape, let close = field[(i + 1)..<range.upperBound].firstIndex(of: escape) else {
                out.append(field[i]); i += 1; continue
            }
            let sequence = Array(field[(i + 1)..<close])
            switch sequence {
            case [0x46]: out.append(fieldSeparator)
            case [0x53]: out.append(component)
            case [0x54]: out.append(subcomponent)
            case [0x52]: out.append(repetition)
            case [0x45]: out.append(escape)
            default:
                if sequence.first == 0x58, let value = UInt8(String(decoding: sequence.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                    out.append(value)
                } else {
                    out.append(0x20)
                }
            }
            i = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

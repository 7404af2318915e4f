// XML read as records, one byte at a time across chunk boundaries, in one of three
// dialects told by the root element:
//   - CDA / C-CDA (`ClinicalDocument`, namespace urn:hl7-org:v3): the patient's ids
//     (recordTarget/patientRole/id, typed by root OID: SSN, MBI, NPI; any other root
//     with an extension is that authority's record number), telecom (`tel:`,
//     `mailto:`), address, name (given and family as one) and birthTime; an id rooted
//     at the NPI OID anywhere is an NPI. Every attribute value (codes, code systems,
//     OIDs, times) is claimed: coded values are never identifiers. Narrative text is
//     left to the detectors.
//   - FHIR XML (namespace http://hl7.org/fhir): as FHIR JSON, an element's `value`
//     attribute being its value.
//   - anything else: element and attribute names read by their words (`<MedRecNum>`,
//     `ssn="…"`), like JSON keys.
// A lexer, not a validator: entities are decoded in values; comments, processing
// instructions, DOCTYPE and CDATA are handled; malformed input is read as far as it goes.

import PhidexCore

final class XMLReader: StructureReader {
    private let interpreter: RecordInterpreter
    private let policy: StructurePolicy

    private enum Dialect { case unknown, cda, fhir, generic }

    private struct Element {
        var name: String
        var start: Int64
        var attributes: [RecordScalar] = []
        var text: [UInt8] = []
        var textSpan: ByteSpan?
        var hasChildren = false
        var frame: RecordFrame
    }

    private enum State {
        case text
        case open  // after <
        case name(end: Bool)
        case inTag
        case attributeName
        case beforeValue
        case value(quote: UInt8, start: Int64)
        case markup(kind: UInt8, tail: UInt32)  // comment (-), CDATA ([), DOCTYPE (D), PI (?)
    }

    private var dialect = Dialect.unknown
    private var state = State.text
    private var stack: [Element] = []
    private var name: [UInt8] = []
    private var attributeName: [UInt8] = []
    private var value: [UInt8] = []
    private var pending: Element?
    private var selfClosing = false
    private var text: [UInt8] = []
    private var textStart: Int64 = 0
    private var textEnd: Int64 = 0
    static let maximumDepth = 128

    init(interpreter: RecordInterpreter) {
        self.interpreter = interpreter
        self.policy = interpreter.policy
    }

    /// Text outside any element after the root closed: the stream is no longer XML.
    private(set) var abandoned = false
    private var rootClosed = false

    func add(_ bytes: UnsafeRawBufferPointer, at offset: Int64, into output: inout StructureOutput) {
        guard !abandoned else { return }
        for (index, byte) in bytes.enumerated() {
            let position = offset + Int64(index)
            switch state {
            case .text:
                if rootClosed, stack.isEmpty, byte != 0x3C, !Self.isSpace(byte) {
                    abandoned = true
                    return
                }
                if byte == 0x3C {
                    flushText()
                    state = .open
                } else if !(text.isEmpty && Self.isSpace(byte)) {
                    if text.isEmpty { textStart = position }
                    if text.count < RecordFrame.maximumText { text.append(byte) }
                    if !Self.isSpace(byte) { textEnd = position + 1 }
                }
            case .open:
                switch byte {
                case 0x2F: name.removeAll(keepingCapacity: true); state = .name(end: true)
                case 0x21: state = .markup(kind: 0x21, tail: 0)
                case 0x3F: state = .markup(kind: 0x3F, tail: 0)
                default:
                    name.removeAll(keepingCapacity: true)
                    name.append(byte)
                    state = .name(end: false)
                }
            case .name(let end):
                if byte == 0x3E || Self.isSpace(byte) || byte == 0x2F {
                    if end {
                        if byte == 0x3E { closeElement(Self.local(name), at: position, into: &output); state = .text } else { state = .name(end: true) }
                    } else {
                        pending = Element(name: Self.local(name), start: position - Int64(name.count) - 1, frame: RecordFrame(key: Self.local(name), start: position))
                        selfClosing = false
                        state = .inTag
                        if byte != 0x20 && !Self.isSpace(byte) { tagByte(byte, at: position, into: &output) }
                    }
                } else if name.count < 256 {
                    name.append(byte)
                }
            case .inTag:
                tagByte(byte, at: position, into: &output)
            case .attributeName:
                if byte == 0x3D {
                    state = .beforeValue
                } else if byte == 0x3E || byte == 0x2F {
                    state = .inTag
                    tagByte(byte, at: position, into: &output)
                } else if !Self.isSpace(byte), attributeName.count < 256 {
                    attributeName.append(byte)
                }
            case .beforeValue:
                if byte == 0x22 || byte == 0x27 {
                    value.removeAll(keepingCapacity: true)
                    state = .value(quote: byte, start: position + 1)
                } else if byte == 0x3E {
                    state = .inTag
                    tagByte(byte, at: position, into: &output)
                }
            case .value(let quote, let start):
                if byte == quote {
                    let span = ByteSpan(offset: start, length: Int(position - start))
                    pending?.attributes.append(RecordScalar(key: Self.local(attributeName), text: Self.decode(value), span: span))
                    if attributeName == Array("xmlns".utf8) { namespace(Self.decode(value)) }
                    state = .inTag
                } else if value.count < RecordFrame.maximumText {
                    value.append(byte)
                }
            case .markup(let kind, let tail):
                let shifted = (tail << 8) | UInt32(byte)
                state = .markup(kind: kind, tail: shifted)
                switch kind {
                case 0x3F where shifted & 0xFFFF == 0x3F3E:  // ?>
                    state = .text
                case 0x21:
                    // Tell comment, CDATA and DOCTYPE apart by their first bytes.
                    if shifted & 0xFFFF == 0x2D2D { state = .markup(kind: 0x2D, tail: 0) }
                    else if shifted & 0xFF_FFFF == 0x5B4344 { state = .markup(kind: 0x5B, tail: 0) }  // [CD
                    else if byte == 0x3E { state = .text }
                case 0x2D where shifted & 0xFF_FFFF == 0x2D2D3E:  // -->
                    state = .text
                case 0x5B where shifted & 0xFF_FFFF == 0x5D5D3E:  // ]]>
                    state = .text
                default:
                    break
                }
            }
        }
    }

    func finish(into output: inout StructureOutput) {
        while let top = stack.last { closeElement(top.name, at: top.start, into: &output) }
        state = .text
    }

    private func tagByte(_ byte: UInt8, at position: Int64, into output: inout StructureOutput) {
        switch byte {
        case 0x3E:
            state = .text
            if var element = pending {
                pending = nil
                if stack.isEmpty && dialect == .unknown {
                    dialect = element.name == "ClinicalDocument" ? .cda : .generic
                }
                element.frame.start = element.start
                if dialect == .generic { element.frame.scalars = element.attributes }
                // FHIR XML names a resource by its element (`<Patient>`); data elements start lowercase.
                if dialect == .fhir, let first = element.name.unicodeScalars.first, first.properties.isUppercase {
                    element.frame.resourceType = element.name
                }
                if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
                if stack.count < Self.maximumDepth { stack.append(element) }
                if selfClosing { closeElement(element.name, at: position, into: &output) }
            }
        case 0x2F:
            selfClosing = true
        default:
            if !Self.isSpace(byte) {
                selfClosing = false
                attributeName.removeAll(keepingCapacity: true)
                attributeName.append(byte)
                state = .attributeName
            }
        }
    }

    private func namespace(_ uri: String) {
        guard stack.isEmpty, dialect == .unknown else { return }
        if uri == "urn:hl7-org:v3" { dialect = .cda } else if uri == "http://hl7.org/fhir" { dialect = .fhir }
    }

    private func flushText() {
        defer { text.removeAll(keepingCapacity: true) }
        guard !text.isEmpty, !stack.isEmpty, textEnd > textStart else { return }
        let length = Int(textEnd - textStart)
        stack[stack.count - 1].text = Array(text.prefix(length))
        stack[stack.count - 1].textSpan = ByteSpan(offset: textStart, length: length)
    }

    private func closeElement(_ name: String, at position: Int64, into output: inout StructureOutput) {
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        while stack.count > index + 1 { closeElement(stack.last!.name, at: position, into: &output) }
        let element = stack.removeLast()
        if stack.isEmpty { rootClosed = true }
        switch dialect {
        case .cda: cda(element, into: &output)
        case .fhir: fhir(element, into: &output)
        case .generic, .unknown: generic(element, into: &output)
        }
    }

    // MARK: Dialects

    private func leafText(_ element: Element) -> RecordScalar? {
        guard !element.hasChildren, let span = element.textSpan else { return nil }
        return RecordScalar(key: element.name, text: Self.decode(element.text), span: span)
    }

    private func addToParent(_ scalar: RecordScalar) {
        guard !stack.isEmpty, stack[stack.count - 1].frame.scalars.count < RecordFrame.maximumScalars else { return }
        stack[stack.count - 1].frame.scalars.append(scalar)
    }

    private func emit(_ found: StructureOutput, anchor: Int64, into output: inout StructureOutput) {
        for var match in found.matches {
            match.recordAnchor = anchor
            output.matches.append(match)
        }
        output.claims.append(contentsOf: found.claims)
    }

    private func cda(_ element: Element, into output: inout StructureOutput) {
        for attribute in element.attributes { output.claim(attribute.span) }
        let parent = stack.last?.name
        let inPatientRole = stack.contains { $0.name == "patientRole" } && !stack.contains { ["providerOrganization", "guardian", "birthplace"].contains($0.name) }
        var found = StructureOutput()
        func attribute(_ key: String) -> RecordScalar? { element.attributes.first { $0.key == key } }
        switch element.name {
        case "id":
            if let extensionValue = attribute("extension"), let root = attribute("root") {
                var kind = policy.system(root.text)
                if kind == nil, parent == "patientRole", inPatientRole { kind = .identifier(.mrn) }
                if case .identifier(let type)? = kind, type == .npi || inPatientRole {
                    if let match = interpreter.values.match(.identifier(type), extensionValue.text, span: extensionValue.span, how: "C-CDA id of root \(root.text)") {
                        found.matches.append(match)
                    }
                } else if kind == .medicare, inPatientRole, let match = interpreter.values.match(.medicare, extensionValue.text, span: extensionValue.span, how: "C-CDA id of root \(root.text)") {
                    found.matches.append(match)
                }
            }
        case "telecom" where parent == "patientRole" && inPatientRole:
            if let value = attribute("value") {
                let lower = value.text.lowercased()
                let kind: FieldKind? = lower.hasPrefix("mailto:") ? .identifier(.email)
                    : lower.hasPrefix("tel:") || lower.hasPrefix("fax:") ? .identifier(.phone) : nil
                let text = lower.hasPrefix("tel:") || lower.hasPrefix("fax:") ? String(value.text.dropFirst(4)) : value.text
                if let kind, let match = interpreter.values.match(kind, text, span: value.span, how: "C-CDA patient telecom") { found.matches.append(match) }
            }
        case "birthTime" where parent == "patient" && inPatientRole:
            if let value = attribute("value"), let match = interpreter.values.match(.identifier(.dob), String(value.text.prefix(8)), span: value.span, how: "C-CDA birthTime") {
                found.matches.append(match)
            }
        case "name" where parent == "patient" && inPatientRole, "addr" where parent == "patientRole" && inPatientRole:
            var frame = element.frame
            frame.key = element.name
            interpreter.close(frame, resource: "Patient", how: "C-CDA", into: &found)
        default:
            if let leaf = leafText(element), ["given", "family", "streetAddressLine", "city", "state", "postalCode", "country", "prefix", "suffix"].contains(element.name) {
                addToParent(leaf)
                // Name parts outside the patient's name are authors', performers' and
                // organizations': structure knows them, and they are not the patient's.
                if ["given", "family"].contains(element.name) { found.claim(leaf.span) }
            }
        }
        emit(found, anchor: 0, into: &output)
    }

    private func fhir(_ element: Element, into output: inout StructureOutput) {
        if stack.contains(where: { $0.name == "div" }) { return }  // narrative XHTML: left to the detectors
        // A primitive's value; it may also carry extensions as children.
        if let value = element.attributes.first(where: { $0.key == "value" }) {
            addToParent(RecordScalar(key: element.name, text: value.text, span: value.span))
        }
        guard element.hasChildren else { return }
        let frame = element.frame
        let resource = ([frame] + stack.reversed().map(\.frame)).first { $0.resourceType != nil }
        var found = StructureOutput()
        let direct = stack.last.map { $0.frame.resourceType != nil } ?? true
        interpreter.close(frame, resource: resource?.resourceType, direct: direct, how: "FHIR XML", into: &found)
        emit(found, anchor: resource?.start ?? 0, into: &output)
        guard !stack.isEmpty else { return }
        switch element.name {
        case "coding": if let code = frame.scalar("code")?.text { stack[stack.count - 1].frame.codes.append(code) }
        case "type": stack[stack.count - 1].frame.typeCodes += frame.codes
        default: break
        }
    }

    private func generic(_ element: Element, into output: inout StructureOutput) {
        if let leaf = leafText(element) { addToParent(leaf) }
        guard !element.frame.scalars.isEmpty else { return }
        var found = StructureOutput()
        interpreter.close(element.frame, resource: nil, how: "XML", into: &found)
        let anchor = stack.count >= 2 ? stack[1].start : element.start
        emit(found, anchor: anchor, into: &output)
    }

    // MARK: Bytes

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A name without its namespace prefix (`sdtc:id` -> `id`).
    static func local(_ name: [UInt8]) -> String {
        let tail = name.lastIndex(of: 0x3A).map { name[($0 + 1)...] } ?? name[...]
        return String(decoding: tail, as: UTF8.self)
    }

    /// Character and entity references decoded (`&amp;`, `&#39;`, `&#x41;`).
    static func decode(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0x26) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) { out.unicodeScalars.append(s) }
                else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) { out.unicodeScalars.append(s) }
                else { out += "&" + entity + ";" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}

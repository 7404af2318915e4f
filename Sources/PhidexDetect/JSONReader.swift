// JSON read as records, one byte at a time across chunk boundaries: FHIR resources
// and Bundles, NDJSON bulk exports (a sequence of top-level values), and any keyed
// export. Each object's scalar members (and arrays of scalars) are kept, short, until
// the object closes; then RecordInterpreter says what they are. Nesting, string
// escapes and numbers follow RFC 8259; malformed input is read as far as it goes.

import PhidexCore

final class JSONReader: StructureReader {
    private let interpreter: RecordInterpreter

    private enum Container {
        case object(RecordFrame)
        case array(key: String)
    }

    private enum State {
        case between
        case string(start: Int64, escaped: Bool)
        case bare(start: Int64)
    }

    private var stack: [Container] = []
    private var state = State.between
    /// In an object: whether the next string is a key.
    private var expectingKey = false
    private var pendingKey = ""
    private var text: [UInt8] = []
    /// Deeper nesting is read but not kept.
    static let maximumDepth = 96

    init(interpreter: RecordInterpreter) {
        self.interpreter = interpreter
    }

    /// The stream stopped being JSON (text after a top-level value that starts no other): what
    /// was read stands, the rest is left to the detectors.
    private(set) var abandoned = false

    func add(_ bytes: UnsafeRawBufferPointer, at offset: Int64, into output: inout StructureOutput) {
        guard !abandoned else { return }
        for (index, byte) in bytes.enumerated() {
            if stack.isEmpty, case .between = state, byte != 0x7B, byte != 0x5B, !XMLReader.isSpace(byte) {
                // NDJSON is a sequence of values; anything else at the top level is not JSON.
                abandoned = true
                return
            }
            let position = offset + Int64(index)
            switch state {
            case .string(let start, let escaped):
                if escaped {
                    state = .string(start: start, escaped: false)
                    if text.count < RecordFrame.maximumText { text.append(byte) }
                } else if byte == 0x5C {
                    state = .string(start: start, escaped: true)
                    if text.count < RecordFrame.maximumText { text.append(byte) }
                } else if byte == 0x22 {
                    state = .between
                    string(ByteSpan(offset: start, length: Int(position - start)), into: &output)
                } else if text.count < RecordFrame.maximumText {
                    text.append(byte)
                }
                continue
            case .bare(let start):
                if ContextWords.isAlphanumeric(byte) || byte == 0x2E || byte == 0x2D || byte == 0x2B {
                    if text.count < RecordFrame.maximumText { text.append(byte) }
                    continue
                }
                state = .between
                scalar(String(decoding: text, as: UTF8.self), ByteSpan(offset: start, length: Int(position - start)), into: &output)
            case .between:
                break
            }
            switch byte {
            case 0x22:
                state = .string(start: position + 1, escaped: false)
                text.removeAll(keepingCapacity: true)
            case 0x7B:  // {
                open(object: true, at: position)
            case 0x5B:  // [
                open(object: false, at: position)
            case 0x7D, 0x5D:  // } ]
                close(into: &output)
            case 0x3A:  // :
                expectingKey = false
            case 0x2C:  // ,
                if case .object? = stack.last { expectingKey = true }
            default:
                if ContextWords.isAlphanumeric(byte) || byte == 0x2D {
                    state = .bare(start: position)
                    text.removeAll(keepingCapacity: true)
                    text.append(byte)
                }
            }
        }
    }

    func finish(into output: inout StructureOutput) {
        while !stack.isEmpty { close(into: &output) }
        state = .between
    }

    private var currentKey: String {
        switch stack.last {
        case .object?: pendingKey
        case .array(let key)?: key
        case nil: ""
        }
    }

    private func open(object: Bool, at position: Int64) {
        let key = currentKey
        if object {
            stack.append(.object(RecordFrame(key: key, start: position)))
            expectingKey = true
        } else {
            stack.append(.array(key: key))
            expectingKey = false
        }
    }

    private func close(into output: inout StructureOutput) {
        guard let top = stack.popLast() else { return }
        if case .object(let frame) = top {
            let resourceFrame = ([frame] + stack.reversed().compactMap { if case .object(let f) = $0 { f } else { nil } })
                .first { $0.resourceType != nil }
            var found = StructureOutput()
            // Direct: the nearest enclosing object is the resource (or the record) itself.
            let enclosing = stack.reversed().lazy.compactMap { if case .object(let f) = $0 { f } else { nil } }.first
            let direct = enclosing == nil || enclosing?.start == resourceFrame?.start || resourceFrame == nil
            interpreter.close(frame, resource: resourceFrame?.resourceType, direct: direct, how: "JSON", into: &found)
            let anchor = resourceFrame?.start ?? outermostObjectStart ?? frame.start
            for var match in found.matches {
                match.recordAnchor = anchor
                output.matches.append(match)
            }
            output.claims.append(contentsOf: found.claims)
            handUp(frame)
        }
        if case .object? = stack.last { expectingKey = false }
    }

    /// Codes of a `coding` go to the concept holding it; those of an identifier's `type` to the identifier.
    private func handUp(_ frame: RecordFrame) {
        guard let parentIndex = stack.lastIndex(where: { if case .object = $0 { true } else { false } }),
            case .object(var parent) = stack[parentIndex]
        else { return }
        switch frame.key {
        case "coding":
            if let code = frame.scalar("code")?.text { parent.codes.append(code) }
        case "type":
            parent.typeCodes += frame.codes
        default:
            return
        }
        stack[parentIndex] = .object(parent)
    }

    private var outermostObjectStart: Int64? {
        for container in stack { if case .object(let frame) = container { return frame.start } }
        return nil
    }

    private func string(_ span: ByteSpan, into output: inout StructureOutput) {
        let decoded = Self.unescape(text)
        if case .object? = stack.last, expectingKey {
            pendingKey = decoded
            return
        }
        scalar(decoded, span, into: &output)
    }

    private func scalar(_ value: String, _ span: ByteSpan, into output: inout StructureOutput) {
        guard stack.count <= Self.maximumDepth else { return }
        switch stack.last {
        case .object(var frame)?:
            add(RecordScalar(key: pendingKey, text: value, span: span), to: &frame)
            if pendingKey == "resourceType" { frame.resourceType = value }
            stack[stack.count - 1] = .object(frame)
        case .array(let key)?:
            // An array of scalars belongs to the object holding the array.
            guard stack.count >= 2, case .object(var frame) = stack[stack.count - 2] else { return }
            add(RecordScalar(key: key, text: value, span: span), to: &frame)
            stack[stack.count - 2] = .object(frame)
        case nil:
            return
        }
    }

    private func add(_ scalar: RecordScalar, to frame: inout RecordFrame) {
        // Past `maximumScalars` a record is data, not a record: its further members are left to the detectors.
        if frame.scalars.count < RecordFrame.maximumScalars { frame.scalars.append(scalar) }
    }

    /// A JSON string's escapes undone (`\"`, `\\`, `\/`, `\n`, `\uXXXX`).
    static func unescape(_ bytes: [UInt8]) -> String {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == 0x5C, i + 1 < bytes.count else { out.append(byte); i += 1; continue }
            let next = bytes[i + 1]
            switch next {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62, 0x66: out.append(0x20)
            case 0x75 where i + 5 < bytes.count:
                if let scalar = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16).flatMap(Unicode.Scalar.init) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                i += 6
                continue
            default: out.append(next)
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}
